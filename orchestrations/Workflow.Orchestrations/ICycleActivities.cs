using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations;

/// <summary>
/// The side effects the cycle's orchestrations ask for. Orchestrators call them by name
/// (<c>nameof(ICycleActivities.SendPointMails)</c>); the application layer implements them over storage and e-mail and
/// registers each under that name, locally and in Functions. Every effect is idempotent: activities run at least once.
/// </summary>
public interface ICycleActivities
{
    /// <summary>Stores the plan and the cycle's clock, and creates a status row per unit and deliverable with its authoritative deadline.</summary>
    Task<PlanRecorded> RecordPlan(CycleInput input);

    /// <summary>The plan notice to a batch of units; one mail per unit, once.</summary>
    Task<BatchOutcome> SendPlanNotices(NoticeBatch batch);

    /// <summary>A reminder, chase or escalation to the units of a batch that still owe, in one provider request.</summary>
    Task<BatchOutcome> SendPointMails(PointBatch batch);

    /// <summary>Moves the authoritative deadlines of the affected units and records who asked and why.</summary>
    Task<ExtensionApplied> ApplyExtension(ExtensionRequest request);

    /// <summary>Moves a stepped rehearsal's clock, where the upload boundary reads it.</summary>
    Task<BusinessClock> SetClock(ClockRecord record);

    Task<Tally> TallyReports(TallyRequest request);

    Task<RoundResult> EvaluateRound(RoundEvaluation evaluation);

    /// <summary>The quota rules of a round still without numbers, from the stored plan; records the wait in the timeline once.</summary>
    Task<IReadOnlyList<string>> PendingQuotas(QuotaWait wait);

    /// <summary>Records a round the cycle closed on while it waited for quota numbers, as not judged, with what it had received.</summary>
    Task<RoundResult> CloseUnjudged(RoundUnjudged round);

    Task<CycleSummary> Consolidate(ConsolidationRequest request);

    /// <summary>Consolidates as of an instant without closing the cycle and keeps the result as a snapshot (once per id).</summary>
    Task<ConsolidationSnapshot> TakeSnapshot(SnapshotRequest request);

    /// <summary>A milestone's reminder to the plan's operators, once per point, citing the snapshot it took or the latest one.</summary>
    Task<BatchOutcome> SendMilestoneMail(MilestonePoint point);

    /// <summary>Records in the cycle's timeline that a piece failed after its retries, or that a retry of it succeeded.</summary>
    Task<bool> NotePiece(PieceNote note);

    /// <summary>Starts the cycle of one programme period as its own orchestration (idempotent by instance id).</summary>
    Task<string> StartPeriodCycle(CycleInput input);

    /// <summary>Sends a tree's advance to a window of its sub-cycles; returns how many were sent it.</summary>
    Task<int> WakeSubCycles(SubCycleWakes wakes);

    /// <summary>Of the woken sub-cycles, those still running and not yet past the advance's instant.</summary>
    Task<IReadOnlyList<string>> StillWaking(WakeCheck check);
}
