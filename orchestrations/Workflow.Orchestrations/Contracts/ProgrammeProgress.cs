namespace Workflow.Orchestrations.Contracts;

/// <summary>The programme's custom status: which period opens next and the cycles already started.</summary>
public sealed record ProgrammeProgress(int NextPeriod, string? NextPeriodTitle, DateTimeOffset? OpensAt, IReadOnlyList<string> StartedCycles);
