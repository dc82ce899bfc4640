namespace Workflow.Api.Contracts;

/// <summary>An account and its key, answered once when issued or rotated: only the key's hash is kept.</summary>
public sealed record OperatorIssued(OperatorInfo Operator, string Key);
