using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Domain.Serialization;
using Workflow.Host;
using Workflow.MailSink;

namespace Workflow.Api.Tests;

/// <summary>
/// The real host whose dossier and status storage is a port where nothing listens (storage down), while its engine runs
/// on Azurite and mail goes to the recording sink: requests that need storage get 503 with Retry-After, never 500, and
/// the health endpoint says which dependency is down.
/// </summary>
public sealed partial class StorageOutageTests : IAsyncLifetime
{
    private const string CycleId = "bg-mat-ket-noi";

    private readonly string _live = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    private readonly string _prefix = "o" + RandomNumberGenerator.GetHexString(10, lowercase: true);
    private MailSinkServer? _sink;
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sink = await MailSinkServer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = _live,
            ["Storage:ConnectionString"] = Endpoints().Replace(_live, m => $"{m.Groups[1].Value}Endpoint=http://127.0.0.1:{DeadPort()}"),
            ["Host:Port"] = "0",
            ["Operator:ApiKey"] = ApiHost.OperatorKey,
            ["Storage:Prefix"] = _prefix,
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = _sink.BaseUrl,
            ["Email:FromAddress"] = "pv01@congan.bacgiang.example",
            ["Email:LedgerTable"] = $"{_prefix}mail",
            ["Cycle:LinkKey"] = ApiHost.LinkKey,
            ["Cycle:ReceiptPrefix"] = "BG",
            ["DurableTask:TaskHubName"] = $"{_prefix}hub",
            ["Logging:LogLevel:Default"] = "Error",
        });
        builder.AddWorkflowHost();
        _app = builder.Build();
        _app.UseWorkflowHost();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    [Fact]
    public async Task WithStorageDown_UploadsAndReadsAre503WithRetryAfter_AndHealthSaysStorageIsDown()
    {
        var (health, status, retryAfter) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(retryAfter > 0);
        Assert.Equal("unavailable", health.GetProperty("status").GetString());
        Assert.Equal(("down", "up", "up"), (State(health, "storage"), State(health, "engine"), State(health, "mail")));
        Assert.Contains("kho lưu trữ", health.GetProperty("storage").GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A unit with a genuine link uploads a genuine report.
        var plan = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var token = _app!.Services.GetRequiredService<UnitLinks>().Token(plan, CycleId, "bcd-yen-the");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/unit/reports/{Uploads.Report}") { Content = Uploads.ReportForm(plan, Uploads.Pdf("báo cáo")) };
        upload.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await AssertUnavailableAsync(await _http.SendAsync(upload));

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/cycles/{CycleId}/units");
        read.Headers.Add("X-Api-Key", ApiHost.OperatorKey);
        await AssertUnavailableAsync(await _http.SendAsync(read));

        // Mail going down too is reported on its own line.
        await _sink!.DisposeAsync();
        _sink = null;
        (health, status, _) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(("down", "up", "down"), (State(health, "storage"), State(health, "engine"), State(health, "mail")));
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var (problem, _) = await ApiHost.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{response.RequestMessage?.RequestUri}: no Retry-After.");
        Assert.Contains("thử lại", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<(JsonElement Health, HttpStatusCode Status, double RetryAfter)> HealthAsync()
    {
        using var response = await _http.GetAsync("/api/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (body, response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0);
    }

    private static string? State(JsonElement health, string component) => health.GetProperty(component).GetProperty("state").GetString();

    /// <summary>A port nothing listens on: bound, read and released.</summary>
    private static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }

        await StoragePrefix.DeleteAsync(_live, _prefix);
    }

    [GeneratedRegex(@"(Blob|Table|Queue)Endpoint=http://127\.0\.0\.1:\d+")]
    private static partial Regex Endpoints();
}
