using System.Globalization;
using System.Security.Cryptography;
using Workflow.MailSink;

namespace Workflow.Soak;

/// <summary>
/// Everything the campaign runs against, started and stopped by it: its own Azurite, the recording mail endpoint
/// in-process, and one host process at a time on a fixed port. Secrets are made up here for this run and never stored.
/// A host killed on purpose, or one that died on its own, is replaced by a new process, as a supervisor would.
/// </summary>
internal sealed class SoakLab : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SoakOptions _options;
    private readonly Dictionary<string, string> _environment;
    private readonly TextWriter _hostLog;
    private HostProcess _host = null!;
    private bool _exitCounted;

    private SoakLab(SoakOptions options, AzuriteProcess azurite, MailSinkServer sink, string hostLogPath)
    {
        _options = options;
        Azurite = azurite;
        Sink = sink;
        HostLogPath = hostLogPath;
        _hostLog = TextWriter.Synchronized(new StreamWriter(hostLogPath) { AutoFlush = true });
        var port = LocalPorts.Free();
        Host = new Uri($"http://127.0.0.1:{port}");
        OperatorKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _environment = new Dictionary<string, string>
        {
            ["WORKFLOW_STORAGE"] = azurite.ConnectionString,
            ["Operator__ApiKey"] = OperatorKey,
            ["Cycle__LinkKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Cycle__PublicBaseUrl"] = Host.ToString().TrimEnd('/'),
            ["Cycle__ReceiptPrefix"] = "BG",
            ["Email__ApiKey"] = "SG.soak-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            ["Email__Host"] = sink.BaseUrl,
            ["Host__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public Uri Host { get; }

    public string OperatorKey { get; }

    public MailSinkServer Sink { get; }

    public AzuriteProcess Azurite { get; }

    public string HostLogPath { get; }

    /// <summary>Host processes that exited without being killed by the campaign.</summary>
    public int Crashes { get; private set; }

    public static async Task<SoakLab> LaunchAsync(SoakOptions options)
    {
        var azurite = await AzuriteProcess.LaunchAsync(options.Azurite);
        var sink = await MailSinkServer.StartAsync();
        var log = Path.Combine(Path.GetTempPath(), $"workflow-soak-host-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}.log");
        var lab = new SoakLab(options, azurite, sink, log);
        lab._host = await lab.StartHostAsync();
        return lab;
    }

    /// <summary>SIGKILL the running host, then start a new process that must take the task hub over.</summary>
    public async Task KillHostAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _host.Kill();
            await _host.DisposeAsync();
            _host = await StartHostAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces a host that has exited on its own; called when a request finds nobody listening.</summary>
    public async Task EnsureHostAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_host.HasExited)
            {
                if (!_exitCounted)
                {
                    Crashes++;
                    _exitCounted = true;
                }

                await _host.DisposeAsync();
                try
                {
                    _host = await StartHostAsync();
                    _exitCounted = false;
                }
                catch (InvalidOperationException)
                {
                    // It may need storage that is down; the next request that finds nobody listening tries again.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Sink.DisposeAsync();
        await Azurite.DisposeAsync();
        await _hostLog.DisposeAsync();
        _gate.Dispose();
    }

    private Task<HostProcess> StartHostAsync() => HostProcess.StartAsync(_options.HostDll, Host, _environment, _hostLog);
}
