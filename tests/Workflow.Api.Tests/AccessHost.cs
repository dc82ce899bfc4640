using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Host;
using Workflow.MailSink;

namespace Workflow.Api.Tests;

/// <summary>
/// The real host over Azurite, as <see cref="ApiHost"/>, with a small tree plan (a province, two districts of two
/// communes each) started as the province cycle <see cref="Province"/>: the ground for the operator accounts' tests.
/// </summary>
public sealed class AccessHost : IAsyncLifetime
{
    public const string BootstrapKey = "khoa-khoi-tao-chi-dung-cho-kiem-thu-phan-quyen";
    public const string Province = "acc";
    public const string DistrictA = "huyen-a";
    public const string DistrictB = "huyen-b";

    private WebApplication? _app;

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    public string Prefix { get; } = "p" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    public FakeTimeProvider Time { get; } = new(ApiHost.Vn(3, 11, 9).ToUniversalTime());

    public MailSinkServer Sink { get; private set; } = null!;

    /// <summary>The bootstrap administrator (the configured key).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string SubCycle(string district) => $"{Province}.{district}";

    public async Task InitializeAsync()
    {
        Sink = await MailSinkServer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = ConnectionString,
            ["Host:Port"] = "0",
            ["Operator:ApiKey"] = BootstrapKey,
            ["Storage:Prefix"] = Prefix,
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = Sink.BaseUrl,
            ["Email:FromAddress"] = "pv01@congan.phanquyen.example",
            ["Email:LedgerTable"] = $"{Prefix}mail",
            ["Cycle:LinkKey"] = ApiHost.LinkKey,
            ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["DurableTask:TaskHubName"] = $"{Prefix}hub",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.AddWorkflowHost();
        _app = builder.Build();
        _app.UseWorkflowHost();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Admin = Client(BootstrapKey, address);

        var plan = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "plans", "cap-tinh-huyen-2024.plan.json"));
        using var content = new StringContent(plan, System.Text.Encoding.UTF8, "application/json");
        var started = await Admin.PostAsync($"/api/cycles?id={Province}&rehearsal=step&from={Uri.EscapeDataString(ApiHost.Vn(3, 11, 9).ToString("O"))}", content);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        // The relays can issue once the province cycle runs (not merely scheduled).
        await ApiHost.Eventually(async () =>
        {
            using var response = await Admin.GetAsync($"/api/cycles/{Province}");
            return response.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("runtimeStatus").GetString() == "running";
        }, seconds: 60);
    }

    public HttpClient Client(string key, string? address = null)
    {
        var client = new HttpClient { BaseAddress = address is null ? Admin.BaseAddress : new Uri(address) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Issues an account through the API as the bootstrap administrator; its id and key.</summary>
    public async Task<(string Id, string Key)> IssueAsync(string name, string role, string scope)
    {
        var issued = await ApiHost.ReadAsync(await Admin.PostAsJsonAsync("/api/operators", new { name, role, scope }), HttpStatusCode.Created);
        return (issued.GetProperty("operator").GetProperty("id").GetString()!, issued.GetProperty("key").GetString()!);
    }

    /// <summary>The relay's sub-cycle under the province cycle, issued through the relay route with the given key.</summary>
    public async Task<JsonElement> IssueSubCycleAsync(HttpClient client, string district)
    {
        var body = new { deadlines = new Dictionary<string, object> { ["bao-cao"] = new { semantics = "before", date = "2024-04-20" } } };
        return await ApiHost.ReadAsync(await client.PostAsJsonAsync($"/api/cycles/{Province}/relays/{district}/plan", body), HttpStatusCode.Accepted);
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await StoragePrefix.DeleteAsync(ConnectionString, Prefix);
    }
}
