using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Application;
using Workflow.Durable;
using Workflow.Durable.AzureStorage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// One host "process" as the local host wires it: the durable runtime with the cycle's orchestrations and activities,
/// storage, e-mail through SendGrid's client to the recording sink, all on a fake clock.
/// </summary>
internal sealed class CycleProcess : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CycleProcess(ServiceProvider provider)
    {
        _provider = provider;
        Worker = provider.GetRequiredService<DurableTaskStorageWorker>();
    }

    public DurableTaskStorageWorker Worker { get; }

    public DurableTaskClient Client => _provider.GetRequiredService<DurableTaskClient>();

    public SubmissionService Submissions => _provider.GetRequiredService<SubmissionService>();

    public Workflow.Storage.IStatusStore Status => _provider.GetRequiredService<Workflow.Storage.IStatusStore>();

    public Workflow.Storage.IDossierStore Dossiers => _provider.GetRequiredService<Workflow.Storage.IDossierStore>();

    public CycleConsolidation Consolidation => _provider.GetRequiredService<CycleConsolidation>();

    public static async Task<CycleProcess> StartAsync(CycleFixture fixture, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.ConnectionString,
            ["Storage:Prefix"] = fixture.Prefix,
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = fixture.Sink.BaseUrl,
            ["Email:FromAddress"] = "pv01@congan.bacgiang.example",
            ["Email:LedgerConnectionString"] = fixture.ConnectionString,
            ["Email:LedgerTable"] = fixture.LedgerTable,
            ["Cycle:LinkKey"] = "khoa-ky-duong-dan-chi-dung-cho-kiem-thu-0123456789",
            ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Cycle:ReceiptPrefix"] = "BG",
        }).Build());
        services.AddReportingCycles();
        services.AddDurableTaskAzureStorage(registry => registry.AddReportingCycleTasks(), options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TaskHubName = fixture.TaskHub;
            options.MinPollingInterval = TimeSpan.FromMilliseconds(20);
            options.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            options.LeaseRenewInterval = TimeSpan.FromMilliseconds(300);
            options.InboxSweepInterval = TimeSpan.FromSeconds(1);
        });
        var provider = services.BuildServiceProvider();
        var process = new CycleProcess(provider);
        await process.Worker.StartAsync(CancellationToken.None);
        return process;
    }

    /// <summary>As SIGKILL: nothing more reaches storage and no lease is released.</summary>
    public void Kill() => Worker.Crash();

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
