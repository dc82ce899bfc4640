namespace Workflow.Api.Contracts;

/// <summary>The 202 check-status answer to starting a cycle, shaped like Durable Functions' (purge is not offered: cycles stay for audit).</summary>
public sealed record CycleStarted(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string SuspendPostUri,
    string ResumePostUri,
    string? PurgeHistoryDeleteUri = null);
