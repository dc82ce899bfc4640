namespace Workflow.Cli.Api;

/// <summary>A rehearsal's business clock as the cycle's progress carries it; <see cref="Speed"/> 0 is a stepped clock.</summary>
internal sealed record RehearsalClock(DateTimeOffset WallOrigin, DateTimeOffset BusinessOrigin, double Speed);
