namespace Workflow.Demo;

/// <summary>
/// Something a simulated unit does at a moment of the cycle's business time. A roll-up is a district submitting to the
/// province its report pre-filled from its sub-cycle, correcting the figure <paramref name="Correct"/> ("form.field")
/// with <paramref name="Reason"/> when given.
/// </summary>
internal sealed record SimulatedAction(
    DateTimeOffset At, string Unit, string Subject, string Description, bool Nomination = false, int Version = 1, bool RollUp = false, string? Reason = null);
