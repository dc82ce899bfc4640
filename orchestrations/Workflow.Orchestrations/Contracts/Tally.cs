namespace Workflow.Orchestrations.Contracts;

public sealed record Tally(int Expected, int OnTime, int Late, int Missing, int Pending);
