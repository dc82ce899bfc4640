namespace Workflow.Durable.AzureStorage;

internal sealed record ActivityWorkItem(InstanceRunner Runner, string ExecutionId, int TaskId, string Name, string? Input);
