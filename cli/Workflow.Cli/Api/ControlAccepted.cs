namespace Workflow.Cli.Api;

/// <summary>The host's answer to a control request; for an advance, <see cref="Reason"/> is the target instant as text.</summary>
internal sealed record ControlAccepted(string Id, string Action, string? Reason);
