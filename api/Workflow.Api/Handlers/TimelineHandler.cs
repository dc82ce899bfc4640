using Workflow.Api.Contracts;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>
/// A cycle's timeline, newest first: its start and end, the lines its activities and the operator's commands recorded
/// (plan recorded, extensions, rounds closed, control, consolidation and its snapshots, milestone reminders), the upload
/// audit (accepted, late, refused with the reason), each unit's last reminder, and the plan's milestones.
/// </summary>
public static class TimelineHandler
{
    public const int MaxEntries = 500;

    public static async Task<IResult> GetAsync(string id, DurableTaskClient client, IPlanStore plans, IStatusStore status, CycleClocks clocks, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var entries = new List<TimelineEntry>();
        var events = await status.ListCycleEventsAsync(id, cancellationToken);
        if (await client.GetInstanceAsync(InstanceIds.Cycle(id), cancellation: cancellationToken) is { } instance)
        {
            // A rehearsal lives in its own time: its start and end are dated by its first and last recorded lines.
            var rehearsal = (await status.GetClockAsync(id, cancellationToken))?.IsRehearsal == true && events.Count > 0;
            entries.AddRange(FromInstance(plan, instance, rehearsal ? events.Min(e => e.At) : instance.CreatedAt, rehearsal ? events.Max(e => e.At) : instance.LastUpdatedAt));
        }

        entries.AddRange(events.Select(e => Entry(e.At, e.Kind, e.Title, e.Detail)));
        entries.AddRange(Milestones(plan, await clocks.NowAsync(id, cancellationToken)));
        // A round still undated has no rows, but a dossier refused for it is audited all the same.
        foreach (var subject in plan.Subjects().Concat(plan.UndatedRounds().Select(r => r.AsSubject(Deadline.By(plan.ClosesOn)))))
        {
            foreach (var audit in await status.ListAuditAsync(id, subject.Id, cancellationToken: cancellationToken))
            {
                entries.Add(FromAudit(plan, subject.Title, audit));
            }

            foreach (var row in (await status.ListAsync(id, subject.Id, cancellationToken)).Where(r => r.LastReminderAt is not null))
            {
                entries.Add(Entry(row.LastReminderAt!.Value, "reminder",
                    $"Nhắc, đôn đốc {CycleLookup.UnitName(plan, row.UnitId)}: {subject.Title}", $"Đã gửi {row.RemindersSent} lần nhắc, đôn đốc."));
            }
        }

        return Results.Ok(entries.OrderByDescending(e => e.At).Take(MaxEntries).ToList());
    }

    /// <summary>Start and end from the instance itself: every client, local or bound in Functions, reads these.</summary>
    private static IEnumerable<TimelineEntry> FromInstance(Plan plan, OrchestrationMetadata instance, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        yield return Entry(startedAt, "started", "Bắt đầu kỳ báo cáo", plan.Title);
        var end = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => Entry(endedAt, "completed", "Kỳ báo cáo kết thúc", null),
            OrchestrationRuntimeStatus.Failed => Entry(endedAt, "failed", "Kỳ báo cáo gặp lỗi và dừng", instance.FailureDetails?.ErrorMessage),
            OrchestrationRuntimeStatus.Terminated => Entry(endedAt, "terminated", "Kỳ báo cáo bị dừng hẳn", null),
            _ => null,
        };
        if (end is not null)
        {
            yield return end;
        }
    }

    /// <summary>
    /// The plan's milestones at their cutoff: reached once the cycle's clock has passed it, upcoming before (newest
    /// first puts what lies ahead at the top). Their reminders and snapshots are lines the cycle recorded.
    /// </summary>
    private static IEnumerable<TimelineEntry> Milestones(Plan plan, DateTimeOffset now)
    {
        var evaluator = new DeadlineEvaluator(plan.Zone());
        foreach (var milestone in plan.Milestones)
        {
            var cutoff = evaluator.Cutoff(milestone.Deadline);
            var consolidate = milestone.Consolidate ? " Mỗi lần nhắc, hệ thống lập một bản tổng hợp để trích dẫn." : "";
            yield return cutoff <= now
                ? Entry(cutoff, "milestone", $"Đến hạn mốc công việc «{milestone.Title}»", $"{Capitalized(milestone.Deadline.Describe())}.{consolidate}")
                : Entry(cutoff, "milestone-upcoming", $"Mốc công việc sắp tới: «{milestone.Title}»",
                    $"{Capitalized(milestone.Deadline.Describe())} (thời điểm cuối cùng {ApiText.LastAccepted(milestone.Deadline, plan.TimeZone)}).{consolidate}");
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpper(text[0], ApiText.Culture) + text[1..];

    private static TimelineEntry FromAudit(Plan plan, string subjectTitle, UploadAudit audit)
    {
        var unit = CycleLookup.UnitName(plan, audit.Key.UnitId);
        return audit.Outcome switch
        {
            UploadOutcome.AcceptedOnTime => Entry(audit.ReceivedAt, "upload-accepted", $"{unit} nộp «{subjectTitle}» đúng hạn", $"Biên nhận {audit.ReceiptNumber}, tệp {audit.FileName}, phiên bản {audit.Version}."),
            UploadOutcome.AcceptedLate => Entry(audit.ReceivedAt, "upload-late", $"{unit} nộp «{subjectTitle}» muộn", $"Biên nhận {audit.ReceiptNumber}, tệp {audit.FileName}, phiên bản {audit.Version}."),
            UploadOutcome.RejectedLate => Entry(audit.ReceivedAt, "upload-rejected-late", $"Từ chối hồ sơ quá hạn của {unit}: «{subjectTitle}»", audit.Reason),
            _ => Entry(audit.ReceivedAt, "upload-rejected", $"Từ chối tệp không hợp lệ của {unit}: «{subjectTitle}»", audit.Reason),
        };
    }

    private static TimelineEntry Entry(DateTimeOffset at, string kind, string title, string? detail) =>
        new(at.ToUniversalTime(), ApiText.Arrival(at)!, kind, title, detail);
}
