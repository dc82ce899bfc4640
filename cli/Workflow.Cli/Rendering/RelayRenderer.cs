using System.Globalization;
using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>relays</c> table and the relay lines of <c>status</c>.</summary>
internal static class RelayRenderer
{
    public const string NotIssued = "chưa ban hành";

    public static void WriteTable(string cycleId, IReadOnlyList<RelayRow> relays, TextWriter output)
    {
        if (relays.Count == 0)
        {
            output.WriteLine($"Chu kỳ {cycleId} không có đơn vị trung gian nào (không đơn vị nào có đơn vị trực thuộc).");
            return;
        }

        output.WriteLine($"{Text.Fit("Đơn vị", 30)} {Text.Fit("Trực thuộc", 10)} {Text.Fit("Kỳ báo cáo cấp dưới", 34)} {Text.Fit("Giai đoạn", 28)} Tiến độ");
        foreach (var relay in relays)
        {
            output.WriteLine($"{Text.Fit(relay.Name, 30)} {Text.Fit(relay.UnitsUnder.ToString(CultureInfo.InvariantCulture), 10)} "
                + $"{Text.Fit(relay.SubCycleId ?? NotIssued, 34)} {Text.Fit(Phase(relay), 28)} {Progress(relay)}");
        }

        var waiting = relays.Where(r => r.SubCycleId is null).ToList();
        output.WriteLine($"{relays.Count} đơn vị trung gian, {relays.Count - waiting.Count} đã ban hành kế hoạch cấp mình.");
        if (waiting.Count > 0)
        {
            output.WriteLine($"  Ban hành: workflow relay-plan {cycleId} <đơn-vị> --deadline <nội-dung>=yyyy-MM-dd");
        }
    }

    /// <summary>One relay as <c>status</c> lists it: the host's sentence, then the sub-cycle or that it is not issued.</summary>
    public static string Line(RelayRow relay)
    {
        var text = string.IsNullOrWhiteSpace(relay.Text) ? relay.Name : relay.Text;
        return relay.SubCycleId is { } sub
            ? $"  {text} — kỳ {sub}, {Phase(relay).ToLowerInvariant()}"
            : text.Contains(NotIssued, StringComparison.Ordinal) ? $"  {text}" : $"  {text} — {NotIssued}";
    }

    private static string Phase(RelayRow relay)
    {
        if (relay.SubCycleId is null)
        {
            return "—";
        }

        return relay.PhaseLabel is { Length: > 0 } label ? label : Labels.RuntimeStatus(relay.RuntimeStatus);
    }

    /// <summary>The base units' submissions in the sub-cycle: "4/6 (67%)", with the late and missing when there are any.</summary>
    private static string Progress(RelayRow relay)
    {
        if (relay.SubCycleId is null)
        {
            return "—";
        }

        var submitted = relay.OnTime + relay.Late;
        var detail = relay.Late > 0 || relay.Missing > 0 ? $", muộn {relay.Late}, quá hạn {relay.Missing}" : "";
        return $"{submitted}/{relay.Expected} ({Text.Percent(submitted, relay.Expected)}){detail}";
    }
}
