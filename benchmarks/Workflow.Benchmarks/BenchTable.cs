namespace Workflow.Benchmarks;

/// <summary>The one Markdown table the benchmark prints.</summary>
internal static class BenchTable
{
    public static void Print(TextWriter output, IEnumerable<BenchRow> rows)
    {
        output.WriteLine("| row | measures | result | goal | met |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            output.WriteLine($"| {row.Row} | {row.Measures} | {row.Result} | {row.Goal} | {row.Met} |");
        }
    }
}
