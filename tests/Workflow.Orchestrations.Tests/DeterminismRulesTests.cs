using System.Text.RegularExpressions;

namespace Workflow.Orchestrations.Tests;

/// <summary>
/// Orchestrator code is replayed from history, so it must not read the clock, make GUIDs or random numbers, sleep,
/// start threads, touch storage, HTTP or the environment, or log through a plain ILogger. The rules are listed in
/// durable/README.md; this test keeps the orchestrations project free of them.
/// </summary>
public sealed partial class DeterminismRulesTests
{
    private static readonly (string Pattern, string Why)[] Banned =
    [
        (@"DateTime(Offset)?\.(Utc)?Now", "use context.CurrentUtcDateTime"),
        (@"TimeProvider\b", "use context.CurrentUtcDateTime"),
        (@"Guid\.NewGuid", "use context.NewGuid()"),
        (@"\bnew Random\b|Random\.Shared", "randomness breaks replay"),
        (@"Task\.Delay|Thread\.Sleep", "use context.CreateTimer"),
        (@"Task\.Run|new Thread\b|ThreadPool\.|Parallel\.", "orchestrators run on one replay thread"),
        (@"\.ConfigureAwait\(false\)", "continuations must stay on the replay scheduler"),
        (@"Environment\.", "configuration changes between replays"),
        (@"\b(HttpClient|TableClient|BlobClient|QueueClient|File\.|Directory\.)", "I/O belongs in activities"),
        (@"ILogger<|ILogger\s+\w+\s*[,)]", "use context.CreateReplaySafeLogger"),
    ];

    [Fact]
    public void OrchestrationSources_UseNoBannedCalls()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "orchestration-sources");
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var violations = (
            from file in files
            let lines = File.ReadAllLines(file)
            from index in Enumerable.Range(0, lines.Length)
            let code = CommentPattern().Replace(lines[index], string.Empty)
            from rule in Banned
            where Regex.IsMatch(code, rule.Pattern)
            select $"{Path.GetRelativePath(root, file)}:{index + 1}: {rule.Why}: {lines[index].Trim()}").ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void BannedPatterns_CatchTheCallsTheyName()
    {
        string[] samples = ["var now = DateTime.UtcNow;", "var id = Guid.NewGuid();", "await Task.Delay(10);", "await Task.Run(() => 1);", "var x = Environment.GetEnvironmentVariable(\"A\");", "new BlobClient(uri)"];

        Assert.All(samples, sample => Assert.Contains(Banned, rule => Regex.IsMatch(sample, rule.Pattern)));
    }

    [GeneratedRegex(@"//.*$")]
    private static partial Regex CommentPattern();
}
