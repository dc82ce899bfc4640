using System.Diagnostics;
using System.Globalization;

namespace Workflow.Soak;

/// <summary>Stops a child process the way an orderly shutdown does: SIGTERM, then SIGKILL if it has not gone in time.</summary>
internal static class Signals
{
    public static async Task TerminateAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
