namespace Workflow.Durable.AzureStorage;

/// <summary>Thrown by every storage call of a runtime whose process is being simulated as killed.</summary>
internal sealed class SimulatedCrashException() : Exception("The runtime was killed (simulated crash).");
