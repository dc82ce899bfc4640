namespace Workflow.Cli.Api;

/// <summary>A piece of the cycle that failed after its retries; the cycle went on without it and it can be retried by id.</summary>
internal sealed record FailedPiece(string Id, string? Kind, string Title, string Reason, DateTimeOffset At, int Attempts);
