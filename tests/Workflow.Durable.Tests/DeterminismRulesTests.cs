namespace Workflow.Durable.Tests;

/// <summary>The banned calls are caught by a test: every orchestrator class in the repository is scanned.</summary>
public sealed class DeterminismRulesTests
{
    [Fact]
    public void Scanner_FlagsEachBannedCall_AndIgnoresComments()
    {
        const string source = """
            public sealed class Bad : TaskOrchestrator<int, int>
            {
                // DateTime.UtcNow in a comment is fine
                public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
                {
                    var now = DateTime.UtcNow;
                    var id = Guid.NewGuid();
                    await Task.Delay(1000);
                    await Task.Run(() => 1).ConfigureAwait(false);
                }
            }
            """;

        var violations = DeterminismRules.Violations(source).ToList();

        Assert.Contains(violations, v => v.StartsWith("'DateTime.UtcNow'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("context.NewGuid", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("CreateTimer", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("threads", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("replay thread", StringComparison.Ordinal));
        Assert.Single(violations, v => v.StartsWith("'DateTime.UtcNow'", StringComparison.Ordinal));
    }

    [Fact]
    public void OrchestratorsInTheRepository_UseNoBannedNonDeterministicCalls()
    {
        var root = FindRepositoryRoot();
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var problems = new List<string>();
        var scanned = 0;
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            if (DeterminismRules.DeclaresOrchestrator(source))
            {
                scanned++;
                problems.AddRange(DeterminismRules.Violations(source).Select(v => $"{Path.GetRelativePath(root, file)}: {v}"));
            }
        }

        // The product's four orchestrators at least; a scan that finds none proves nothing.
        Assert.True(scanned >= 4, $"Only {scanned} orchestrator files found under {root}.");
        Assert.True(problems.Count == 0, "Non-deterministic calls in orchestrators:\n" + string.Join("\n", problems));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
