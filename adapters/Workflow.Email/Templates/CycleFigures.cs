namespace Workflow.Email.Templates;

/// <summary>A cycle's reports at an instant: owed, on time, late, missing (past the cutoff) and pending (still within it).</summary>
public sealed record CycleFigures(int Expected, int OnTime, int Late, int Missing, int Pending);
