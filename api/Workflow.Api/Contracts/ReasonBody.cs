namespace Workflow.Api.Contracts;

public sealed record ReasonBody(string? Reason);
