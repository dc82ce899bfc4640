namespace Workflow.Domain.Nominations;

public sealed record ScaleLevel(string Id, string Name);
