namespace Workflow.Cli.Api;

/// <summary>
/// A rehearsal (diễn tập) as the API describes it: <see cref="Mode"/> "step" or "sliding", the business time now,
/// and how precise its instants are at that speed.
/// </summary>
internal sealed record RehearsalInfo(string Mode, double Speed, DateTimeOffset Now, string? NowText, string? Precision)
{
    public bool IsStepped => string.Equals(Mode, "step", StringComparison.OrdinalIgnoreCase);
}
