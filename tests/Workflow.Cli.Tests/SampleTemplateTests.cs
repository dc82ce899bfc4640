using Workflow.Cli.Commands;

namespace Workflow.Cli.Tests;

/// <summary>The samples' file-only forms come with their templates: `workflow start` finds every declared file beside the plan.</summary>
public sealed class SampleTemplateTests
{
    [Fact]
    public void EverySampleTemplate_IsInTheFolderNamedAfterItsPlan()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Workflow.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var plans = Directory.GetFiles(Path.Combine(root.FullName, "samples"), "*.plan.json");
        Assert.Equal(3, plans.Length);
        var found = 0;
        foreach (var plan in plans)
        {
            var (present, missing, _) = PlanTemplateFiles.Find(plan, File.ReadAllText(plan));
            Assert.Empty(missing);
            found += present.Count;
        }

        // Phụ lục V of the 2020–2025 programme (002) is returned on its template.
        Assert.True(found >= 1);
    }
}
