using System.Diagnostics;

namespace Workflow.Soak;

/// <summary>
/// The campaign's own Azurite (the pinned one in tools/azurite) on 127.0.0.1 with free ports and a temporary data folder.
/// It can be stopped with SIGTERM and started again on the same ports and folder, as a storage outage.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _bin;
    private readonly string _location;
    private readonly int[] _ports = new int[3];
    private Process? _process;

    private AzuriteProcess(string bin, string location)
    {
        _bin = bin;
        _location = location;
        for (var i = 0; i < _ports.Length; i++)
        {
            do
            {
                _ports[i] = LocalPorts.Free();
            }
            while (_ports[..i].Contains(_ports[i]));
        }
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public static async Task<AzuriteProcess> LaunchAsync(string bin)
    {
        var azurite = new AzuriteProcess(bin, Directory.CreateTempSubdirectory("workflow-soak-azurite.").FullName);
        await azurite.StartAsync();
        return azurite;
    }

    /// <summary>Starts Azurite on this instance's ports and data folder (again, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The flags of azurite_start in ./run: no telemetry, current SDKs allowed, loopback only.
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{_ports[0]}", "--queuePort", $"{_ports[1]}", "--tablePort", $"{_ports[2]}",
            "--location", _location,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in _ports)
        {
            if (!await LocalPorts.WaitListeningAsync(port, TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port}.");
            }
        }
    }

    /// <summary>SIGTERM: Azurite saves its metadata and exits; its data folder stays for the restart.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await Signals.TerminateAsync(_process, TimeSpan.FromSeconds(20));
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_location, recursive: true);
    }
}
