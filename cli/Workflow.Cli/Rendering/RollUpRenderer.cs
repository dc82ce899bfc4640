using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>rollup</c> views: the pre-filled report with its base completion, and the receipt once sent.</summary>
internal static class RollUpRenderer
{
    public static void WriteView(RollUpView view, TextWriter output)
    {
        output.WriteLine($"Báo cáo «{view.Title}» của «{view.RelayUnitId}» lên chu kỳ {view.ParentCycleId}, tổng hợp từ kỳ {view.SubCycleId}");
        output.WriteLine($"Đơn vị cơ sở: {BaseLine(view)}");
        if (view.Figures.Count == 0)
        {
            output.WriteLine("Không có số liệu nào được tổng hợp sẵn (các biểu mẫu của nội dung này do đơn vị tự điền hoặc nộp bằng tệp).");
        }
        else
        {
            output.WriteLine();
            output.WriteLine("Số liệu tổng hợp sẵn từ các đơn vị trực thuộc");
            var width = Math.Min(40, view.Figures.Max(f => f.Form.Length + f.Field.Length + 1));
            foreach (var figure in view.Figures)
            {
                output.WriteLine($"  {Text.Fit($"{figure.Form}.{figure.Field}", width)}  {figure.Label}: {figure.Value}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Gửi: workflow rollup {view.SubCycleId} {view.DeliverableId} --file <báo-cáo.pdf> [--set <biểu>.<chỉ-tiêu>=<giá-trị> --reason <biểu>.<chỉ-tiêu>=\"<lý do>\"]");
    }

    public static void WriteReceipt(RollUpView view, ReportReceipt receipt, IReadOnlyDictionary<string, string> reasons, TextWriter output)
    {
        var when = receipt.ReceivedAtText ?? Text.Instant(receipt.ReceivedAt);
        output.WriteLine($"✓ Đã gửi báo cáo «{view.Title}» lên chu kỳ {view.ParentCycleId}: biên nhận số {receipt.ReceiptNumber}, lúc {when}, "
            + $"phiên bản {receipt.Version}, {(receipt.Late ? "nộp muộn" : "đúng hạn")}.");
        output.WriteLine($"  Đơn vị cơ sở: {BaseLine(view)}");
        if (reasons.Count > 0)
        {
            output.WriteLine($"  Điều chỉnh so với số liệu tổng hợp ({reasons.Count}), ghi kèm báo cáo:");
            foreach (var (key, reason) in reasons)
            {
                output.WriteLine($"    {key}: {reason}");
            }
        }

        foreach (var file in receipt.Files ?? [])
        {
            var number = file.ReceiptNumber is { } n && n != receipt.ReceiptNumber ? $" — biên nhận số {n}" : "";
            output.WriteLine($"  {file.Title}: {file.FileName}{number}");
        }
    }

    /// <summary>The host's sentence ("Yên Thế: 2/3 đơn vị cơ sở đã nộp (…)") with the share, or the counts when it sent none.</summary>
    private static string BaseLine(RollUpView view)
    {
        var b = view.Base;
        var text = string.IsNullOrWhiteSpace(view.BaseText)
            ? $"{b.OnTime + b.Late}/{b.Expected} đã nộp (đúng hạn {b.OnTime}, muộn {b.Late}, chưa nộp {b.Missing})"
            : view.BaseText;
        return $"{text} — {Text.Percent(b.OnTime + b.Late, b.Expected)}";
    }
}
