namespace Workflow.Benchmarks;

/// <summary>One line of the printed table: what was run, what was measured, the result, the goal and whether it was met.</summary>
internal sealed record BenchRow(string Row, string Measures, string Result, string Goal, string Met)
{
    public static string YesNo(bool met) => met ? "yes" : "**no**";
}
