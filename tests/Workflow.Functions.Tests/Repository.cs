using System.Reflection;

namespace Workflow.Functions.Tests;

/// <summary>Paths in the checkout, found from the test assembly's folder whatever the configuration or runner.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The Functions project's output folder for the configuration this test assembly was built in.</summary>
    public static string FunctionsOutput
    {
        get
        {
            var relative = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "FunctionsOutput").Value!;
            return Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
