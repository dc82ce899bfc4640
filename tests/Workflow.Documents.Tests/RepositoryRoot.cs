namespace Workflow.Documents.Tests;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Workflow.sln, found upwards from the test's output folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Workflow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Workflow.sln not found above {AppContext.BaseDirectory}.");
    }
}
