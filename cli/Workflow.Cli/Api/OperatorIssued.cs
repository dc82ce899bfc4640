namespace Workflow.Cli.Api;

/// <summary>An account and its key, as answered once by issue and rotate.</summary>
internal sealed record OperatorIssued(OperatorAccount Operator, string Key);
