namespace Workflow.Durable.AzureStorage;

/// <summary>Replay produced a different step than the one recorded in history.</summary>
internal sealed class NonDeterministicOrchestrationException(string message) : Exception(message);
