namespace Workflow.Demo;

/// <summary>Something a simulated unit does at a moment of the cycle's business time.</summary>
internal sealed record SimulatedAction(DateTimeOffset At, string Unit, string Subject, string Description, bool Nomination = false, int Version = 1);
