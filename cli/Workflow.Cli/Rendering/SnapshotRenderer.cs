using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>consolidate</c> and <c>snapshots</c> views: a snapshot's instant, who asked, its figures and files.</summary>
internal static class SnapshotRenderer
{
    public static void WriteOne(SnapshotInfo snapshot, TextWriter output)
    {
        output.WriteLine($"Bản tổng hợp {snapshot.Id} — lúc {snapshot.AtText} (giờ của kỳ báo cáo); người yêu cầu: {snapshot.RequestedBy}");
        if (!string.IsNullOrWhiteSpace(snapshot.Note))
        {
            output.WriteLine($"  Ghi chú: {snapshot.Note}");
        }

        output.WriteLine($"  {Figures(snapshot)}");
        foreach (var piece in snapshot.Failures ?? [])
        {
            output.WriteLine($"  ✗ {piece.Title}: {piece.Reason}");
        }

        foreach (var export in snapshot.Exports)
        {
            output.WriteLine($"  {export.Name}");
        }
    }

    public static void WriteList(string cycleId, IReadOnlyList<SnapshotInfo> snapshots, TextWriter output)
    {
        if (snapshots.Count == 0)
        {
            output.WriteLine($"Chu kỳ {cycleId} chưa có bản tổng hợp nào. Lập ngay: workflow consolidate {cycleId}");
            return;
        }

        output.WriteLine($"{Text.Fit("Lúc", 16)} {Text.Fit("Người yêu cầu", 36)} {Text.Fit("Số liệu", 52)} Mã");
        foreach (var s in snapshots)
        {
            output.WriteLine($"{Text.Fit(s.AtText, 16)} {Text.Fit(s.RequestedBy, 36)} {Text.Fit(Figures(s), 52)} {s.Id}");
        }

        output.WriteLine($"{snapshots.Count} bản tổng hợp. Tải tệp của một bản: workflow export {cycleId} --snapshot <mã>");
    }

    private static string Figures(SnapshotInfo s) =>
        $"đã nộp {s.OnTime + s.Late}/{s.Expected}: đúng hạn {s.OnTime}, muộn {s.Late}, quá hạn {s.Missing}, còn hạn {s.Pending}"
        + (s.NominationsReceived > 0 ? $"; đề nghị khen thưởng {s.NominationsReceived}, đạt {s.NominationsAccepted}" : "");
}
