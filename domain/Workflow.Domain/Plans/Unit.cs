using System.Text.Json.Serialization;

namespace Workflow.Domain.Plans;

/// <summary>A reporting unit: a district committee, a department, an agency, an enterprise, a school.</summary>
public sealed record Unit
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Block { get; init; }
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>The committee member who supervises this unit's area, copied on escalations.</summary>
    public string? Supervisor { get; init; }

    /// <summary>The unit (a police department) that manages this one where the plan assigns one.</summary>
    public string? ManagedBy { get; init; }

    /// <summary>True for units of the police force, which some quotas and criteria single out.</summary>
    public bool IsPolice { get; init; }

    /// <summary>
    /// The units under this one (a district's communes, bodies, enterprises and schools). A unit with units is a relay:
    /// its operator can issue them a plan of its own derived from the cycle's (<see cref="PlanDerivation"/>).
    /// </summary>
    public IReadOnlyList<Unit> Units { get; init; } = [];

    [JsonIgnore]
    public bool IsRelay => Units.Count > 0;

    /// <summary>Every unit under this one, at any depth, each before its own units.</summary>
    public IEnumerable<Unit> Descendants() => Units.SelectMany(u => u.Descendants().Prepend(u));
}
