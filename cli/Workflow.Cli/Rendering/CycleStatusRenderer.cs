using System.Text.Json;
using Workflow.Cli.Api;
using Workflow.Domain.Time;

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
        output.WriteLine($"Bắt đầu {VietnamTime.FormatDateTime(cycle.CreatedAt)}, cập nhật {VietnamTime.FormatDateTime(cycle.LastUpdatedAt)}");
        if (cycle.Failure is { } failure && failure.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            output.WriteLine($"Lỗi: {Failure(failure)}");
        }

        output.WriteLine($"Hạn tiếp theo: {cycle.NextDeadlineText ?? cycle.Progress?.NextDeadlineText ?? "không còn hạn nào"}");
        if (cycle.Progress is { } p)
        {
            var submitted = p.OnTime + p.Late;
            output.WriteLine($"Tiến độ: đã nộp {submitted}/{p.Expected} ({ProgressBar.Percent(submitted, p.Expected)}) — đúng hạn {p.OnTime}, muộn {p.Late}, "
                + $"quá hạn chưa nộp {p.Missing}, chưa nộp (còn hạn) {p.Pending}");
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
                output.WriteLine($"  {r.Title} — {Labels.AwardLevel(r.AwardLevel)} ({when}, {Labels.RuntimeStatus(r.RuntimeStatus).ToLowerInvariant()}): nhận {r.Received}, "
                    + $"đạt {r.Accepted}, không đạt {r.Refused}, từ chối do quá hạn {r.LateRejected}");
            }
        }
    }

    public static string BlockLine(BlockProgress block)
    {
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
