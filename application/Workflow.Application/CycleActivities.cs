using Microsoft.Extensions.Logging;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Validation;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Application;

/// <summary>
/// The cycle's activities: thin steps over storage, e-mail and the orchestration client. Each is idempotent,
/// because activities run at least once (seeded rows are inserted only if absent, mails are keyed, blobs are
/// created conditionally).
/// </summary>
public sealed partial class CycleActivities(
    IPlanStore plans,
    IStatusStore status,
    CycleMail mail,
    CycleConsolidation consolidation,
    DurableTaskClient client,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<CycleOptions> options,
    ILogger<CycleActivities> logger) : ICycleActivities
{
    public async Task<PlanRecorded> RecordPlan(CycleInput input)
    {
        var errors = PlanValidator.Validate(input.Plan);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The plan of cycle '{input.CycleId}' is invalid: {string.Join("; ", errors)}");
        }

        await plans.SaveAsync(input.CycleId, input.Plan);
        await status.EnsureCycleAsync(input.CycleId, options.Value.ReceiptPrefix);
        var rows = input.Plan.Units.SelectMany(unit => PlanLookup.Tasks(input.Plan, unit)
            .Select(task => DeliverableStatus.Pending(new SubmissionKey(input.CycleId, unit.Id, task.Id), task.Deadline, task.LatePolicy, input.Plan.TimeZone)))
            .ToList();
        var seeded = await status.SeedAsync(rows);
        Log.PlanRecorded(logger, input.CycleId, input.Plan.Units.Count, seeded);
        return new PlanRecorded(input.CycleId, input.Plan.Units.Count, rows.Count);
    }

    public async Task<bool> SendPlanNotice(UnitNotice notice)
    {
        var plan = await PlanOf(notice.CycleId);
        return await mail.SendPlanNoticeAsync(plan, notice.CycleId, PlanLookup.Unit(plan, notice.UnitId));
    }

    public async Task<bool> SendReminder(ReminderRequest request)
    {
        var key = new SubmissionKey(request.CycleId, request.UnitId, request.Subject);
        var row = await status.GetAsync(key) ?? throw new InvalidOperationException($"No status row for {key}.");
        // The unit handed in between the timer and this step: no reminder.
        if (row.State == SubmissionState.Submitted)
        {
            return false;
        }

        var sent = await mail.SendReminderAsync(await PlanOf(request.CycleId), request, row);
        if (sent)
        {
            await status.UpdateAsync(key, s => s.WithReminder(request.PointKey, time.GetUtcNow()));
        }

        return sent;
    }

    public async Task<ExtensionApplied> ApplyExtension(ExtensionRequest request)
    {
        var change = request.Extension;
        foreach (var unitId in request.Units)
        {
            await status.UpdateAsync(new SubmissionKey(request.CycleId, unitId, change.Subject), s => s.WithDeadline(change.NewDeadline));
            await client.RaiseEventAsync(InstanceIds.FollowUp(request.CycleId, change.Subject, unitId), DeadlineExtension.EventName, change);
        }

        var plan = await PlanOf(request.CycleId);
        if (change.Units.Count == 0 && plan.NominationRounds.Any(r => r.Id == change.Subject))
        {
            await client.RaiseEventAsync(InstanceIds.Round(request.CycleId, change.Subject), DeadlineExtension.EventName, change);
        }

        Log.DeadlineExtended(logger, request.CycleId, change.Subject, change.NewDeadline.Describe(), request.Units.Count, change.RequestedBy, change.Reason);
        return new ExtensionApplied(request.CycleId, change, request.Units);
    }

    public async Task<RoundResult> EvaluateRound(RoundEvaluation evaluation)
    {
        var plan = await PlanOf(evaluation.CycleId);
        return await consolidation.EvaluateRoundAsync(plan, evaluation);
    }

    public async Task<CycleSummary> Consolidate(ConsolidationRequest request)
    {
        var plan = await PlanOf(request.CycleId);
        return await consolidation.ConsolidateAsync(plan, request);
    }

    public Task<string> StartPeriodCycle(CycleInput input) =>
        client.ScheduleNewOrchestrationInstanceAsync(nameof(ReportingCycleOrchestrator), input, new StartOrchestrationOptions(InstanceIds.Cycle(input.CycleId)));

    private async Task<Plan> PlanOf(string cycleId) =>
        await plans.GetAsync(cycleId) ?? throw new InvalidOperationException($"Cycle '{cycleId}' has no recorded plan.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Recorded the plan of cycle {CycleId}: {Units} units, {Seeded} status rows created")]
        public static partial void PlanRecorded(ILogger logger, string cycleId, int units, int seeded);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Cycle {CycleId}: deadline of {Subject} moved to {Deadline} for {Units} units at the request of {RequestedBy}: {Reason}")]
        public static partial void DeadlineExtended(ILogger logger, string cycleId, string subject, string deadline, int units, string requestedBy, string reason);
    }
}
