namespace Workflow.Soak;

/// <summary>Where the repository's pieces are: the plan to run, the pinned Azurite and the built host.</summary>
internal sealed record SoakOptions(string PlanPath, string Azurite, string HostDll)
{
    public static SoakOptions Parse(string[] args)
    {
        var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? throw new ArgumentException("Missing --root <repository>.");
        var options = new SoakOptions(
            Path.Combine(root, "samples", "bac-giang-2024-chi-thi-07.plan.json"),
            Path.Combine(root, "tools", "azurite", "node_modules", ".bin", "azurite"),
            Path.Combine(root, "hosts", "Workflow.Host", "bin", "Release", "net10.0", "Workflow.Host.dll"));
        foreach (var path in new[] { options.PlanPath, options.Azurite, options.HostDll }.Where(p => !File.Exists(p)))
        {
            throw new FileNotFoundException("Build the solution and install Azurite first (./run soak does both).", path);
        }

        return options;
    }
}
