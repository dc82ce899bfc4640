using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workflow.Cycle.Tests;

/// <summary>
/// The real local host (hosts/Workflow.Host) as a child process on 127.0.0.1: it runs the Durable Task engine over the
/// fixture's Azurite task hub and mails the fixture's recording sink. <see cref="Kill"/> is SIGKILL: nothing is flushed,
/// no lease is released, and another process must take the task hub over.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<HostProcess> StartAsync(CycleFixture fixture)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [HostDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in fixture.HostSettings(port))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (process.HasExited || DateTime.UtcNow > until)
            {
                lock (log)
                {
                    throw new InvalidOperationException($"The host did not answer on {address}: {log}");
                }
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL, as the operating system would end a crashed or evicted host.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A graceful stop (SIGTERM) releases the task hub's leases for the next host.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    /// <summary>The host built in the same configuration as this test assembly.</summary>
    private static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Workflow.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Workflow.sln not found above the test folder."),
            "hosts", "Workflow.Host", "bin", configuration, "net10.0", "Workflow.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build hosts/Workflow.Host first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
