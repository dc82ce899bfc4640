namespace Workflow.Cli.Api;

/// <summary>The 202 check-status response, shaped like Durable Functions'.</summary>
internal sealed record CycleStarted(
    string Id,
    string? StatusQueryGetUri,
    string? SendEventPostUri,
    string? TerminatePostUri,
    string? SuspendPostUri,
    string? ResumePostUri);
