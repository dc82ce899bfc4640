namespace Workflow.Api.Contracts;

public sealed record LevelInfo(string Id, string Name);
