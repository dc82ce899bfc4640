using System.Text.Json;
using Spectre.Console;
using Workflow.Cli.Api;
using Workflow.Domain.Consolidation;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>status</c> view: what the cycle is, where it stands per block, what is due next.</summary>
internal static class CycleStatusRenderer
{
    public static void Write(CycleDetail cycle, TextWriter output, IAnsiConsole console)
    {
        output.WriteLine($"{cycle.PlanNumber} — {cycle.Title}");
        var phase = cycle.Progress?.PhaseLabel is { Length: > 0 } label ? $" · giai đoạn: {label}" : "";
        output.WriteLine($"Chu kỳ {cycle.Id}: {Labels.RuntimeStatus(cycle.RuntimeStatus)}{phase}");
        if (ParentLine(cycle) is { } parent)
        {
            output.WriteLine(parent);
        }

        if (RehearsalLine(cycle) is { } rehearsal)
        {
            output.WriteLine(rehearsal);
            if (NextStepLine(cycle) is { } nextStep)
            {
                output.WriteLine(nextStep);
            }
        }

        output.WriteLine($"Bắt đầu {Text.Instant(cycle.CreatedAt)}, cập nhật {Text.Instant(cycle.LastUpdatedAt)}");
        if (cycle.Failure is { } failure && failure.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            output.WriteLine($"Lỗi: {Failure(failure)}");
        }

        output.WriteLine($"Hạn tiếp theo: {Text.Deadline(cycle.NextDeadline ?? cycle.Progress?.NextDeadline, cycle.NextDeadlineText ?? cycle.Progress?.NextDeadlineText)}");
        // The status rows behind the blocks are current; the orchestration's progress changes only when it wakes up.
        var totals = cycle.Blocks is { Count: > 0 } rows
            ? new BlockProgress("", "", rows.Sum(b => b.Expected), rows.Sum(b => b.OnTime), rows.Sum(b => b.Late), rows.Sum(b => b.Missing), rows.Sum(b => b.Pending), rows.Sum(b => b.NotRequired))
            : cycle.Progress is { } progress ? new BlockProgress("", "", progress.Expected, progress.OnTime, progress.Late, progress.Missing, progress.Pending, progress.NotRequired) : null;
        if (totals is not null)
        {
            var submitted = totals.OnTime + totals.Late;
            output.WriteLine($"Tiến độ: đã nộp {submitted}/{totals.Expected} ({Text.Percent(submitted, totals.Expected)}) — đúng hạn {totals.OnTime}, "
                + $"muộn {totals.Late}, quá hạn chưa nộp {totals.Missing}, chưa nộp (còn hạn) {totals.Pending}{NotRequired(totals.NotRequired)}");
        }

        if (cycle.Progress is { } p)
        {
            var withheld = p.MailsWithheld > 0 ? $"; thư không gửi vì không còn đúng: {p.MailsWithheld}" : "";
            output.WriteLine($"Đã gửi {p.RemindersSent} thư nhắc{withheld}; {p.Extensions} lần gia hạn");
        }

        // The host's figures from the rounds' rows are current; the progress's are as of the cycle's last wake.
        if ((cycle.Nominations ?? cycle.Progress?.Nominations) is { } nominations && (cycle.Rounds is { Count: > 0 } || nominations != NominationCounts.None))
        {
            output.WriteLine($"Hồ sơ khen thưởng: {nominations.Describe()}");
        }

        if (cycle.Progress?.Failures is { Count: > 0 } failures)
        {
            output.WriteLine();
            output.WriteLine($"Phần bị lỗi ({failures.Count}) — kỳ báo cáo vẫn tiếp tục; chạy lại: workflow retry {cycle.Id} <mã>");
            foreach (var piece in failures)
            {
                output.WriteLine($"  ✗ {piece.Id}: {piece.Title} — {piece.Reason} (lần {piece.Attempts}, {Text.Instant(piece.At)})");
            }
        }

        if (cycle.Blocks is { Count: > 0 } blocks)
        {
            output.WriteLine();
            output.WriteLine("Theo khối");
            output.Flush();
            console.Write(BlockTable.Build(blocks));
            console.MarkupLine(BlockTable.Legend);
        }

        if (cycle.Relays is { Count: > 0 } relays)
        {
            output.WriteLine();
            output.WriteLine($"Đơn vị trung gian ({relays.Count}) — chi tiết: workflow relays {cycle.Id}");
            foreach (var relay in relays)
            {
                output.WriteLine(RelayRenderer.Line(relay));
            }
        }

        if (cycle.Deliverables is { Count: > 0 } deliverables)
        {
            output.WriteLine();
            output.WriteLine("Nội dung phải nộp");
            foreach (var d in deliverables)
            {
                var policy = Labels.LatePolicy(d.LatePolicy);
                output.WriteLine($"  {d.Title}{(d.Optional ? " (không bắt buộc)" : "")}: {d.DeadlineText} (nhận đến {d.LastAcceptedText}){(policy.Length > 0 ? "; " + policy : "")}");
            }
        }

        if (cycle.Milestones is { Count: > 0 } milestones)
        {
            output.WriteLine();
            output.WriteLine("Mốc công việc (nhắc cơ quan thường trực)");
            foreach (var m in milestones)
            {
                var state = m.Reached ? "đã đến hạn" : "sắp tới";
                var snapshot = m.Consolidate ? "; tổng hợp nhanh mỗi lần nhắc" : "";
                output.WriteLine($"  {m.Title}: {m.DeadlineText} (đến {m.LastAcceptedText}; {state}{snapshot})");
                if (m.RemindersText is { Count: > 0 } reminders)
                {
                    output.WriteLine($"    nhắc: {string.Join("; ", reminders)}");
                }
            }
        }

        if (cycle.Rounds is { Count: > 0 } rounds)
        {
            output.WriteLine();
            output.WriteLine("Đề nghị khen thưởng");
            foreach (var r in rounds)
            {
                output.WriteLine(RoundLine(r));
                if (r.PendingQuotas is { Count: > 0 } pending)
                {
                    output.WriteLine($"    Chờ chỉ tiêu: {string.Join("; ", pending.Select(q => $"{q.Id} ({q.Description})"))} — nhập: workflow quota {cycle.Id} --round {r.Id} --quota <mã> --max <số> --by-whom <người nhập> --reason <căn cứ>");
                }
                else if (r.State == "undated")
                {
                    output.WriteLine($"    Ấn định thời hạn: workflow date {cycle.Id} --round {r.Id} --before yyyy-MM-dd --by-whom <người đề nghị> --reason <lý do>");
                }
            }
        }
    }

    /// <summary>
    /// "DIỄN TẬP — …" with the clock's mode, the cycle's business time now and how precise its instants are; null for a
    /// live cycle. The progress's clock stands in when the host sent no rehearsal block (e.g. the plan is unreadable).
    /// </summary>
    public static string? RehearsalLine(CycleDetail cycle)
    {
        if (cycle.Rehearsal is { } r)
        {
            var parts = new List<string>
            {
                $"DIỄN TẬP — {Labels.RehearsalMode(r.IsStepped, r.Speed)}",
                $"thời gian của chu kỳ: {r.NowText ?? Text.Instant(r.Now)}",
            };
            if (!string.IsNullOrWhiteSpace(r.Precision))
            {
                parts.Add(r.Precision);
            }

            return string.Join(" · ", parts);
        }

        if (cycle.Progress?.Rehearsal is { } clock)
        {
            var now = cycle.Progress.StandsAt ?? cycle.Progress.ReachedAt;
            var line = $"DIỄN TẬP — {Labels.RehearsalMode(clock.Speed == 0, clock.Speed)}";
            return now is { } at ? $"{line} · thời gian của chu kỳ: {Text.Instant(at)}" : line;
        }

        return null;
    }

    /// <summary>For a sub-cycle: whose it is and the cycle above it, with the relays from the top down when deeper than one level.</summary>
    public static string? ParentLine(CycleDetail cycle)
    {
        if (cycle.Parent is not { } parent)
        {
            return null;
        }

        var lineage = parent.Lineage is { Count: > 1 } chain ? $" (các cấp: {string.Join(" › ", chain)})" : "";
        return $"Kỳ báo cáo cấp dưới của {parent.RelayName ?? parent.RelayUnitId}, thuộc chu kỳ {parent.ParentCycleId}{lineage} — cấp trên: workflow status {parent.ParentCycleId}";
    }

    /// <summary>For a stepped rehearsal still running: the instant an advance without --to moves it to, and how.</summary>
    private static string? NextStepLine(CycleDetail cycle)
    {
        var stepped = cycle.Rehearsal?.IsStepped ?? cycle.Progress?.Rehearsal?.Speed == 0;
        if (!stepped || cycle.RuntimeStatus is not ("running" or "pending") || cycle.Progress?.NextStepAt is not { } next)
        {
            return null;
        }

        return $"  Mốc kế tiếp: {Text.Instant(next)} — chuyển tới: workflow advance {cycle.Id} (hoặc --to \"dd/MM/yyyy HH:mm\")";
    }

    /// <summary>
    /// A round: its level, its deadline (or "chưa ấn định thời hạn", or the round it is picked from), where it stands
    /// ("chờ chỉ tiêu", "đã xét"…; the runtime status for a host that does not say) and its counts.
    /// </summary>
    public static string RoundLine(RoundInfo r)
    {
        var when = r.PickedFrom is { } lower ? $"lựa chọn từ đợt «{lower}»"
            : r.State == "undated" || r.DeadlineText is not { Length: > 0 } ? "chưa ấn định thời hạn"
            : $"hạn {r.DeadlineText}";
        // An undated round's state says no more than its missing deadline does.
        var state = r.State == "undated" ? ""
            : r.StateText is { Length: > 0 } text ? ", " + text.ToLowerInvariant()
            : ", " + Labels.RuntimeStatus(r.RuntimeStatus).ToLowerInvariant();
        var optional = r.Optional ? ", không bắt buộc" : "";
        // A picked level's nominees are the province's picks, not new proposals.
        var figures = r.PickedFrom is null
            ? $"nhận {r.Received}, đạt {r.Accepted}, không đạt {r.Refused}, từ chối do quá hạn {r.LateRejected}"
            : $"tỉnh chọn {r.Received}, đạt {r.Accepted}, không đạt {r.Refused}";
        return $"  {Labels.AwardLevel(r.AwardLevel)}{(r.Title == Labels.AwardLevel(r.AwardLevel) ? "" : $" — {r.Title}")} ({when}{optional}{state}): {figures}";
    }

    private static string NotRequired(int count) => count > 0 ? $", không bắt buộc, không nộp {count}" : "";

    private static string Failure(JsonElement failure) =>
        failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty("errorMessage", out var message)
            ? message.ToString()
            : failure.ToString();
}
