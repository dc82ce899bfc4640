using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Cli.Commands;

/// <summary>
/// Where the command line looks for a plan's template files: the folder next to the plan file named after it, without
/// ".json" and ".plan" (samples/bac-giang.plan.json → samples/bac-giang/), holding files under the names the plan's forms
/// declare (<c>forms[].templates[].file</c>). A plan that does not parse declares nothing here; the host says why.
/// </summary>
internal static class PlanTemplateFiles
{
    public static string FolderOf(string planFile)
    {
        var name = Path.GetFileName(planFile);
        foreach (var suffix in new[] { ".json", ".plan" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
            }
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(planFile)) ?? ".", name);
    }

    /// <summary>The declared templates found in the plan's folder, and those declared but not there.</summary>
    public static (IReadOnlyList<string> Found, IReadOnlyList<string> Missing, string Folder) Find(string planFile, string planJson)
    {
        var folder = FolderOf(planFile);
        if (PlanJson.Read(planJson).Plan is not { } plan)
        {
            return ([], [], folder);
        }

        var declared = PlanTemplates.Declared(plan).Select(t => t.Template.File).Distinct(StringComparer.Ordinal).ToList();
        var found = declared.Where(name => File.Exists(Path.Combine(folder, name))).ToList();
        return (found, [.. declared.Except(found, StringComparer.Ordinal)], folder);
    }
}
