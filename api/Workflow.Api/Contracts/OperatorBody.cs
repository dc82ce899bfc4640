namespace Workflow.Api.Contracts;

/// <summary>A new operator account: display name, role (administrator, operator, viewer) and scope (a unit id, or "*" for the whole tree).</summary>
public sealed record OperatorBody(string? Name, string? Role, string? Scope);
