namespace Workflow.Cli.Api;

/// <summary>"before" and "by" carry <see cref="Date"/> (yyyy-MM-dd), "within-month" carries <see cref="Month"/> (yyyy-MM).</summary>
internal sealed record NewDeadline(string Semantics, string? Date, string? Month);
