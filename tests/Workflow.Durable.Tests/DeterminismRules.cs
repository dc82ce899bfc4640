using System.Text.RegularExpressions;

namespace Workflow.Durable.Tests;

/// <summary>The calls banned inside orchestrators (durable/README.md), as source patterns.</summary>
internal static partial class DeterminismRules
{
    private static readonly (Regex Pattern, string Rule)[] Banned =
    [
        (WallClock(), "use context.CurrentUtcDateTime, not the wall clock"),
        (new Regex(@"\bGuid\.NewGuid\s*\(", RegexOptions.Compiled), "use context.NewGuid()"),
        (new Regex(@"\bnew\s+Random\s*\(|\bRandom\.Shared\b", RegexOptions.Compiled), "no randomness in orchestrators"),
        (new Regex(@"\bTask\.Delay\s*\(|\bThread\.Sleep\s*\(", RegexOptions.Compiled), "use context.CreateTimer"),
        (new Regex(@"\bTask\.Run\s*\(|\bTask\.Factory\.StartNew\s*\(|\bnew\s+Thread\s*\(|\bParallel\.", RegexOptions.Compiled), "no threads in orchestrators"),
        (new Regex(@"ConfigureAwait\s*\(\s*false\s*\)", RegexOptions.Compiled), "continuations must stay on the replay thread"),
        (new Regex(@"\bEnvironment\.(GetEnvironmentVariable|MachineName|TickCount)", RegexOptions.Compiled), "no environment reads"),
        (new Regex(@"\bILogger<|\bILogger\s+\w+\s*[,)]", RegexOptions.Compiled), "log through context.CreateReplaySafeLogger"),
        (new Regex(@"\b(HttpClient|TableClient|BlobClient|QueueClient|File\.|Directory\.)", RegexOptions.Compiled), "no I/O in orchestrators: use an activity"),
        (new Regex(@"\bTimeProvider\b", RegexOptions.Compiled), "use context.CurrentUtcDateTime and context.CreateTimer"),
    ];

    public static IEnumerable<string> Violations(string source)
    {
        var code = Comments().Replace(source, string.Empty);
        foreach (var (pattern, rule) in Banned)
        {
            foreach (Match match in pattern.Matches(code))
            {
                yield return $"'{match.Value}': {rule}";
            }
        }
    }

    public static bool DeclaresOrchestrator(string source) => source.Contains(": TaskOrchestrator<", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(Utc)?Now\b|\bDateTime\.Today\b")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
