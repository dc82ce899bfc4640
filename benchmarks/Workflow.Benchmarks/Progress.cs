namespace Workflow.Benchmarks;

/// <summary>Progress lines on stderr, so stdout carries only the table.</summary>
internal static class Progress
{
    public static void Say(string line) => Console.Error.WriteLine($"[bench {DateTimeOffset.Now:HH:mm:ss}] {line}");
}
