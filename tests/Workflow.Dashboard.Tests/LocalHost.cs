using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Host;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// The real local host (its own registration and middleware, the dashboard's wwwroot from the repository) on a free
/// 127.0.0.1 port, on uniquely prefixed Azurite storage, sending mail to the recording sink, on a fake clock.
/// </summary>
internal sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's services, for a test to read what a request stored.</summary>
    public IServiceProvider Services => _app.Services;

    public string OperatorKey { get; private init; } = "";

    public static async Task<LocalHost> StartAsync(string storage, string prefix, string mailHost, FakeTimeProvider time)
    {
        var hostFolder = Path.Combine(RepositoryRoot.Path, "hosts", "Workflow.Host");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = hostFolder,
            WebRootPath = Path.Combine(hostFolder, "wwwroot"),
        });
        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = storage,
            ["Storage:Prefix"] = prefix,
            ["DurableTask:TaskHubName"] = $"{prefix}hub",
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = mailHost,
            ["Email:LedgerTable"] = $"{prefix}mail",
            ["Cycle:LinkKey"] = "khoa-ky-duong-dan-chi-dung-cho-kiem-thu-0123456789",
            ["Cycle:ReceiptPrefix"] = "BG",
            ["Operator:ApiKey"] = key,
            ["Host:Port"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // Registered before the host's own TryAdd of the system clock, so the fake clock wins.
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddWorkflowHost();
        var app = builder.Build();
        app.UseWorkflowHost();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalHost(app, new Uri(address)) { OperatorKey = key };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
