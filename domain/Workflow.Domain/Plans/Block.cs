namespace Workflow.Domain.Plans;

/// <summary>A group of units that reports and is counted together (khối), e.g. district committees.</summary>
public sealed record Block(string Id, string Name);
