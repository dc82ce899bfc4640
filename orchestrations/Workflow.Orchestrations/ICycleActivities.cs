using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations;

/// <summary>
/// The side effects the cycle's orchestrations ask for. Orchestrators call them by name
/// (<c>nameof(ICycleActivities.SendReminder)</c>); the activities layer implements them over storage and e-mail.
/// Every effect is idempotent: activities run at least once.
/// </summary>
public interface ICycleActivities
{
    /// <summary>Stores the plan and creates a status row per unit and deliverable with its authoritative deadline.</summary>
    Task<PlanRecorded> RecordPlan(CycleInput input);

    Task<bool> SendPlanNotice(UnitNotice notice);

    /// <summary>Sends a reminder, chase or escalation unless the unit has handed in meanwhile; true when a mail went out.</summary>
    Task<bool> SendReminder(ReminderRequest request);

    /// <summary>Moves the authoritative deadlines, records who asked and why, and forwards the change to the follow-ups.</summary>
    Task<ExtensionApplied> ApplyExtension(ExtensionRequest request);

    Task<RoundResult> EvaluateRound(RoundEvaluation evaluation);

    Task<CycleSummary> Consolidate(ConsolidationRequest request);

    /// <summary>Starts the cycle of one programme period as its own orchestration (idempotent by instance id).</summary>
    Task<string> StartPeriodCycle(CycleInput input);
}
