namespace Workflow.Orchestrations.Contracts;

/// <summary>A multi-year programme; <see cref="NextPeriod"/> is -1 for the plan's own deliverables, then each period in turn.</summary>
public sealed record ProgrammeInput(string ProgrammeId, Plan Plan, string StartedBy, int NextPeriod, IReadOnlyList<string> StartedCycles, BusinessClock? Clock = null)
{
    public BusinessClock BusinessClock => Clock ?? BusinessClock.Live;
}
