using System.Text.Json;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Orchestrations.FollowUp;

namespace Workflow.Api.Handlers;

/// <summary>
/// A cycle's timeline, newest first: the orchestration's own history (start, children finished or failed, extensions,
/// control), the upload audit (accepted, late, refused with the reason) and each unit's last reminder.
/// </summary>
public static class TimelineHandler
{
    public const int MaxEntries = 500;

    public static async Task<IResult> GetAsync(string id, DurableTaskClient client, IPlanStore plans, IStatusStore status, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var entries = new List<TimelineEntry>();
        entries.AddRange(FromHistory(plan, await HistoryAsync(client, id, cancellationToken)));
        foreach (var subject in plan.Subjects())
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

    private static IEnumerable<TimelineEntry> FromHistory(Plan plan, IReadOnlyList<OrchestrationHistoryEvent> history)
    {
        // Completions carry only the id of what they complete: the scheduling event names it.
        var scheduled = history.Where(e => e.EventType is "TaskScheduled" or "SubOrchestrationCreated").GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.First());
        foreach (var e in history)
        {
            var source = scheduled.GetValueOrDefault(e.EventId);
            var entry = e.EventType switch
            {
                "ExecutionStarted" => Entry(e.Timestamp, "started", "Bắt đầu kỳ báo cáo", plan.Title),
                "ExecutionCompleted" when IsFailure(e.Data) => Entry(e.Timestamp, "failed", "Kỳ báo cáo gặp lỗi và dừng", FailureMessage(e.Data)),
                "ExecutionCompleted" => Entry(e.Timestamp, "completed", "Kỳ báo cáo kết thúc", null),
                "ExecutionTerminated" => Entry(e.Timestamp, "terminated", "Kỳ báo cáo bị dừng hẳn", e.Data),
                "ExecutionSuspended" => Entry(e.Timestamp, "suspended", "Tạm dừng kỳ báo cáo", e.Data),
                "ExecutionResumed" => Entry(e.Timestamp, "resumed", "Tiếp tục kỳ báo cáo", e.Data),
                "EventRaised" when e.Name == DeadlineExtension.EventName => Extension(plan, e),
                "TaskCompleted" when source?.Name is nameof(ICycleActivities.RecordPlan) => Entry(e.Timestamp, "plan-recorded", "Đã ghi nhận kế hoạch, lập danh sách đơn vị phải nộp", null),
                "TaskCompleted" when source?.Name is nameof(ICycleActivities.Consolidate) => Entry(e.Timestamp, "consolidated", "Đã tổng hợp kết quả, lập tệp xuất", null),
                "TaskFailed" => Entry(e.Timestamp, "activity-failed", $"Bước «{source?.Name}» gặp lỗi", FailureMessage(e.Data)),
                "SubOrchestrationCompleted" => ChildCompleted(plan, e, source),
                "SubOrchestrationFailed" => Entry(e.Timestamp, "child-failed", $"Tiến trình con «{source?.Name}» gặp lỗi", FailureMessage(e.Data)),
                _ => null,
            };
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    private static TimelineEntry? Extension(Plan plan, OrchestrationHistoryEvent e)
    {
        var change = JsonDataConverter.Default.Deserialize<DeadlineExtension>(e.Data);
        if (change is null)
        {
            return null;
        }

        var scope = change.Units.Count == 0 ? "tất cả đơn vị" : string.Join(", ", change.Units.Select(u => CycleLookup.UnitName(plan, u)));
        return Entry(e.Timestamp, "extension", $"Gia hạn «{CycleLookup.SubjectTitle(plan, change.Subject)}» đến {change.NewDeadline.Describe()}",
            $"Áp dụng cho {scope}; người đề nghị: {change.RequestedBy}; lý do: {change.Reason}");
    }

    private static TimelineEntry? ChildCompleted(Plan plan, OrchestrationHistoryEvent e, OrchestrationHistoryEvent? source)
    {
        if (source?.Name == nameof(UnitFollowUpOrchestrator) && JsonDataConverter.Default.Deserialize<FollowUpResult>(e.Data) is { } followUp)
        {
            var outcome = followUp.Outcome switch
            {
                FollowUpOutcome.OnTime => "nộp đúng hạn",
                FollowUpOutcome.Late => "nộp muộn",
                _ => "không nộp",
            };
            return Entry(e.Timestamp, "follow-up-completed", $"{CycleLookup.UnitName(plan, followUp.UnitId)}: {outcome}",
                $"{CycleLookup.SubjectTitle(plan, followUp.Subject)}; đã nhắc, đôn đốc {followUp.RemindersSent} lần{(followUp.Escalated ? "; đã báo thành viên Ban Chỉ đạo" : "")}.");
        }

        if (JsonDataConverter.Default.Deserialize<RoundResult>(e.Data) is { RoundId: not null } round)
        {
            return Entry(e.Timestamp, "round-closed", $"Kết thúc đợt «{CycleLookup.SubjectTitle(plan, round.RoundId)}»",
                $"Nhận {round.Received} đề nghị, đạt {round.Accepted}, không đạt {round.Refused}, từ chối do quá hạn {round.LateRejected}.");
        }

        return null;
    }

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

    private static bool IsFailure(string? data) => data is not null && data.Contains("\"errorMessage\"", StringComparison.Ordinal);

    private static string? FailureMessage(string? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errorMessage", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimelineEntry Entry(DateTimeOffset at, string kind, string title, string? detail) =>
        new(at.ToUniversalTime(), ApiText.Arrival(at)!, kind, title, detail);

    /// <summary>
    /// The cycle orchestration's history; empty where the client cannot read history (Durable Functions' bound
    /// client), so the timeline still shows uploads, refusals and reminders from the status tables.
    /// </summary>
    private static async Task<IReadOnlyList<OrchestrationHistoryEvent>> HistoryAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetHistoryAsync(InstanceIds.Cycle(id), cancellationToken);
        }
        catch (NotSupportedException)
        {
            return [];
        }
    }
}
