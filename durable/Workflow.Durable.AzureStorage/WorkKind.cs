namespace Workflow.Durable.AzureStorage;

internal enum WorkKind
{
    ActivityResult,
    TimerDue,
    ChildResult,
    ReconcileChildren,
}
