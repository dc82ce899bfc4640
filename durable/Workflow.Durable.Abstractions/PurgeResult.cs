namespace Workflow.Durable;

public sealed record PurgeResult(int PurgedInstanceCount);
