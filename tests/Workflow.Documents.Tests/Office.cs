using System.Diagnostics;

namespace Workflow.Documents.Tests;

/// <summary>
/// Debian's LibreOffice (to PDF) and poppler (to PNG), each run with a time limit; a run that overstays is killed, it and
/// the processes it started, and no other. `./run test` installs both.
/// </summary>
internal static class Office
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Converts a .docx to PDF beside it with a fresh LibreOffice profile, so runs never share or lock one.</summary>
    public static async Task<string> ToPdfAsync(string docx)
    {
        var folder = Path.GetDirectoryName(docx)!;
        var profile = Directory.CreateTempSubdirectory("workflow-soffice-");
        try
        {
            await RunAsync(
                Tool("soffice"),
                $"-env:UserInstallation={new Uri(profile.FullName).AbsoluteUri}", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", folder, docx);
        }
        finally
        {
            profile.Delete(recursive: true);
        }

        var pdf = Path.ChangeExtension(docx, ".pdf");
        return File.Exists(pdf) ? pdf : throw new InvalidOperationException($"LibreOffice wrote no {pdf}.");
    }

    /// <summary>Each page as "{prefix}-N.png" at 80 dpi; returns the pages' files in order.</summary>
    public static async Task<IReadOnlyList<string>> ToPngAsync(string pdf, string prefix)
    {
        var folder = Path.GetDirectoryName(prefix)!;
        var name = Path.GetFileName(prefix);
        foreach (var stale in Directory.EnumerateFiles(folder, $"{name}-*.png"))
        {
            File.Delete(stale);
        }

        await RunAsync(Tool("pdftoppm"), "-png", "-r", "80", pdf, prefix);
        return [.. Directory.EnumerateFiles(folder, $"{name}-*.png").Order(StringComparer.Ordinal)];
    }

    private static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(p => Path.Combine(p, name)).FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            $"{name} is not installed: the render test needs Debian's libreoffice-writer-nogui and poppler-utils. `./run test` installs them; "
            + "by hand: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-dejavu-core fonts-liberation2.");
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} ran longer than {Limit.TotalMinutes} minutes and was stopped.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
