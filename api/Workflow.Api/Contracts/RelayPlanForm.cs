namespace Workflow.Api.Contracts;

/// <summary>What a relay's operator fills to issue its plan: each subject it hands down, with its own deadline to the parent.</summary>
public sealed record RelayPlanForm(string ParentCycleId, string RelayUnitId, string Name, int UnitsUnder, string? SubCycleId, IReadOnlyList<RelaySubject> Subjects);
