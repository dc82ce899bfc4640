namespace Workflow.Orchestrations.Contracts;

public sealed record ProgrammeResult(string ProgrammeId, IReadOnlyList<string> StartedCycles);
