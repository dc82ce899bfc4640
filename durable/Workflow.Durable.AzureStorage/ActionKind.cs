namespace Workflow.Durable.AzureStorage;

internal enum ActionKind
{
    CallActivity,
    CreateTimer,
    CallSubOrchestrator,
}
