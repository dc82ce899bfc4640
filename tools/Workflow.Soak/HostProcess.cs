using System.Diagnostics;
using System.Net;

namespace Workflow.Soak;

/// <summary>
/// One process of the local host (hosts/Workflow.Host) on 127.0.0.1: the API and the Durable Task engine over the
/// campaign's Azurite. <see cref="Kill"/> is SIGKILL: nothing is flushed and no lease released, so the next process
/// must take the task hub over. Its output goes to the campaign's host log.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static async Task<HostProcess> StartAsync(string hostDll, Uri address, IReadOnlyDictionary<string, string> environment, TextWriter log)
    {
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!process.HasExited && DateTime.UtcNow < until)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The host did not answer on {address} (see the host log).");
    }

    /// <summary>SIGKILL, as the operating system ends a crashed or evicted host.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        // A graceful stop (SIGTERM) releases the task hub's leases.
        await Signals.TerminateAsync(_process, TimeSpan.FromSeconds(30));
        _process.Dispose();
    }
}
