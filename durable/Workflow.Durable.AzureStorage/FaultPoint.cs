namespace Workflow.Durable.AzureStorage;

/// <summary>Steps of an episode where tests inject a crash.</summary>
internal enum FaultPoint
{
    BeforeCommit,
    AfterCommit,
    AfterSend,
    BeforeActivity,
    AfterActivity,
}
