using System.Text.Json;
using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>status</c> view: what the cycle is, where it stands per block, what is due next.</summary>
internal static class CycleStatusRenderer
{
    private const int NameWidth = 34;

    public static void Write(CycleDetail cycle, TextWriter output)
    {
        output.WriteLine($"{cycle.PlanNumber} — {cycle.Title}");
        var phase = cycle.Progress?.PhaseLabel is { Length: > 0 } label ? $" · giai đoạn: {label}" : "";
        output.WriteLine($"Chu kỳ {cycle.Id}: {Labels.RuntimeStatus(cycle.RuntimeStatus)}{phase}");
        output.WriteLine($"Bắt đầu {Text.Instant(cycle.CreatedAt)}, cập nhật {Text.Instant(cycle.LastUpdatedAt)}");
        if (cycle.Failure is { } failure && failure.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            output.WriteLine($"Lỗi: {Failure(failure)}");
        }

        output.WriteLine($"Hạn tiếp theo: {Text.Deadline(cycle.NextDeadline ?? cycle.Progress?.NextDeadline, cycle.NextDeadlineText ?? cycle.Progress?.NextDeadlineText)}");
        // The status rows behind the blocks are current; the orchestration's progress changes only when it wakes up.
        var totals = cycle.Blocks is { Count: > 0 } rows
            ? new BlockProgress("", "", rows.Sum(b => b.Expected), rows.Sum(b => b.OnTime), rows.Sum(b => b.Late), rows.Sum(b => b.Missing), rows.Sum(b => b.Pending))
            : cycle.Progress is { } progress ? new BlockProgress("", "", progress.Expected, progress.OnTime, progress.Late, progress.Missing, progress.Pending) : null;
        if (totals is not null)
        {
            var submitted = totals.OnTime + totals.Late;
            output.WriteLine($"Tiến độ: đã nộp {submitted}/{totals.Expected} ({ProgressBar.Percent(submitted, totals.Expected)}) — đúng hạn {totals.OnTime}, "
                + $"muộn {totals.Late}, quá hạn chưa nộp {totals.Missing}, chưa nộp (còn hạn) {totals.Pending}");
        }

        if (cycle.Progress is { } p)
        {
            output.WriteLine($"Đã gửi {p.RemindersSent} thư nhắc; {p.Extensions} lần gia hạn; hồ sơ khen thưởng: nhận {p.NominationsReceived}, "
                + $"chấp nhận {p.NominationsAccepted}, từ chối {p.NominationsRejected}");
        }

        if (cycle.Blocks is { Count: > 0 } blocks)
        {
            output.WriteLine();
            output.WriteLine("Theo khối");
            foreach (var block in blocks)
            {
                output.WriteLine(BlockLine(block));
            }

            output.WriteLine($"  {ProgressBar.Legend}");
        }

        if (cycle.Deliverables is { Count: > 0 } deliverables)
        {
            output.WriteLine();
            output.WriteLine("Nội dung phải nộp");
            foreach (var d in deliverables)
            {
                var policy = Labels.LatePolicy(d.LatePolicy);
                output.WriteLine($"  {d.Title}: {d.DeadlineText} (nhận đến {d.LastAcceptedText}){(policy.Length > 0 ? "; " + policy : "")}");
            }
        }

        if (cycle.Rounds is { Count: > 0 } rounds)
        {
            output.WriteLine();
            output.WriteLine("Đề nghị khen thưởng");
            foreach (var r in rounds)
            {
                var when = r.DeadlineText is { Length: > 0 } ? $"hạn {r.DeadlineText}" : $"lựa chọn từ đợt «{r.PickedFrom}»";
                output.WriteLine($"  {Labels.AwardLevel(r.AwardLevel)}{(r.Title == Labels.AwardLevel(r.AwardLevel) ? "" : $" — {r.Title}")} ({when}, {Labels.RuntimeStatus(r.RuntimeStatus).ToLowerInvariant()}): nhận {r.Received}, "
                    + $"đạt {r.Accepted}, không đạt {r.Refused}, từ chối do quá hạn {r.LateRejected}");
            }
        }
    }

    public static string BlockLine(BlockProgress block)
    {
        if (block.Expected == 0)
        {
            return $"  {Text.Fit(block.Name, NameWidth)} không có báo cáo phải nộp trong kỳ này";
        }

        var bar = ProgressBar.Render(block.OnTime, block.Late, block.Missing, block.Pending);
        var submitted = block.OnTime + block.Late;
        return $"  {Text.Fit(block.Name, NameWidth)} [{bar}] {ProgressBar.Percent(submitted, block.Expected),4} {submitted,3}/{block.Expected,-3} "
            + $"đúng hạn {block.OnTime} · muộn {block.Late} · quá hạn {block.Missing} · chưa nộp {block.Pending}";
    }

    private static string Failure(JsonElement failure) =>
        failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty("errorMessage", out var message)
            ? message.ToString()
            : failure.ToString();
}
