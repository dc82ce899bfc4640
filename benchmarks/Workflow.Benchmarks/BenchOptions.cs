using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// What one <c>./run bench</c> does; the defaults are the real run. Smaller values exist for trying the benchmark out:
/// <c>--rows 1,3 --units 200 --large-units 10000 --cap-minutes 3</c>. Row 2's lead and day leave room for a wave
/// of 100,000 mails before the next instant (about 150–350 s each here), as days do in a real plan.
/// </summary>
internal sealed record BenchOptions(
    IReadOnlySet<int> Rows,
    int Units,
    int LargeUnits,
    TimeSpan PerUnitCap,
    TimeSpan LargeLead,
    TimeSpan LargeDay)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var rows = Value("--rows") is { } r ? r.Split(',').Select(int.Parse).ToHashSet() : [1, 2, 3];
        return new BenchOptions(
            rows,
            (int)Number("--units", 2_000),
            (int)Number("--large-units", 100_000),
            TimeSpan.FromMinutes(Number("--cap-minutes", 6)),
            TimeSpan.FromSeconds(Number("--large-lead-seconds", 450)),
            TimeSpan.FromSeconds(Number("--large-day-seconds", 480)));
    }
}
