namespace Workflow.Durable.AzureStorage;

internal enum InboxMessageKind
{
    Start,
    Event,
    Terminate,
    Suspend,
    Resume,
    SubOrchestrationCompleted,
}
