namespace Workflow.Cli.Api;

/// <summary>An RFC 7807 problem as the CLI shows it: what failed, why, and which fields were at fault.</summary>
internal sealed record Problem(int Status, string? Title, string? Detail, IReadOnlyList<FieldError> Errors);
