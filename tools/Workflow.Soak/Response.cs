namespace Workflow.Soak;

/// <summary>One HTTP answer the campaign received (every attempt of every request is recorded).</summary>
internal sealed record Response(string Route, Traffic Traffic, int Status, bool RetryAfter);
