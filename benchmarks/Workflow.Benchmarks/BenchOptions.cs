using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// What one <c>./run bench</c> does; the defaults are the real run. Smaller values exist for trying the benchmark out:
/// <c>--rows 1,3 --units 200 --large-units 10000 --cap-minutes 3</c>. Row 2's lead and day leave room for a wave
/// of 100,000 mails before the next instant (about 150–350 s each here), as days do in a real plan. Row 4 (also
/// <c>--rows national</c>) is the national rehearsal: <c>--national-provinces 4 --national-communes-per-province 10
/// --national-base-per-commune 30</c> scales it down; <c>--national-communes</c> and <c>--national-base</c> give totals.
/// </summary>
internal sealed record BenchOptions(
    IReadOnlySet<int> Rows,
    int Units,
    int LargeUnits,
    TimeSpan PerUnitCap,
    TimeSpan LargeLead,
    TimeSpan LargeDay,
    int NationalProvinces,
    int NationalCommunes,
    int NationalBase,
    int NationalParallel,
    TimeSpan NationalCap)
{
    /// <summary>The row number of the national rehearsal, also named <c>national</c> in <c>--rows</c>.</summary>
    public const int National = 4;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var rows = Value("--rows") is { } r ? r.Split(',').Select(x => x == "national" ? National : int.Parse(x, CultureInfo.InvariantCulture)).ToHashSet() : [1, 2, 3, National];
        var provinces = (int)Number("--national-provinces", 34);
        var communes = Value("--national-communes-per-province") is { } perProvince
            ? provinces * int.Parse(perProvince, CultureInfo.InvariantCulture)
            : (int)Number("--national-communes", 3_300);
        var baseUnits = Value("--national-base-per-commune") is { } perCommune
            ? communes * int.Parse(perCommune, CultureInfo.InvariantCulture)
            : (int)Number("--national-base", 100_000);
        return new BenchOptions(
            rows,
            (int)Number("--units", 2_000),
            (int)Number("--large-units", 100_000),
            TimeSpan.FromMinutes(Number("--cap-minutes", 6)),
            TimeSpan.FromSeconds(Number("--large-lead-seconds", 450)),
            TimeSpan.FromSeconds(Number("--large-day-seconds", 480)),
            provinces,
            communes,
            baseUnits,
            (int)Number("--national-parallel", 16),
            TimeSpan.FromMinutes(Number("--national-cap-minutes", 40)));
    }
}
