using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Email;
using Workflow.Host;
using Workflow.MailSink;

namespace Workflow.Api.Tests;

/// <summary>
/// The real host, built by the same extension method as Program.cs, listening on 127.0.0.1 and a free port, over
/// Azurite (WORKFLOW_STORAGE) with uniquely named storage and the recording SendGrid endpoint, on a fake clock that
/// starts on the plan's issue day. The Bắc Giang cycle is started through the API; everything is removed afterwards.
/// </summary>
public sealed partial class ApiHost : IAsyncLifetime
{
    public const string OperatorKey = "khoa-van-hanh-chi-dung-cho-kiem-thu";
    public const string LinkKey = "khoa-ky-duong-dan-chi-dung-cho-kiem-thu-0123456789";
    public const string CycleId = "bg-api";
    public const long MaxFileBytes = 256 * 1024;
    public const long MaxRequestBytes = 1024 * 1024;

    private WebApplication? _app;

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    public string Prefix { get; } = "a" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    public FakeTimeProvider Time { get; } = new(Vn(3, 11, 9).ToUniversalTime());

    public MailSinkServer Sink { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public string PlanText { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"));

    public Plan Plan => PlanJson.Read(PlanText).Plan!;

    public IServiceProvider Services => _app!.Services;

    public static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(2024, month, day, hour, minute, second, TimeSpan.FromHours(7));

    public async Task InitializeAsync()
    {
        Sink = await MailSinkServer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = ConnectionString,
            ["Host:Port"] = "0",
            ["Host:MaxRequestBodyBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operator:ApiKey"] = OperatorKey,
            ["Storage:Prefix"] = Prefix,
            ["Storage:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = Sink.BaseUrl,
            ["Email:FromAddress"] = "pv01@congan.bacgiang.example",
            ["Email:LedgerTable"] = $"{Prefix}mail",
            ["Cycle:LinkKey"] = LinkKey,
            ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Cycle:ReceiptPrefix"] = "BG",
            ["DurableTask:TaskHubName"] = $"{Prefix}hub",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.AddWorkflowHost();
        _app = builder.Build();
        _app.UseWorkflowHost();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Anonymous = new HttpClient { BaseAddress = new Uri(address) };
        Operator = new HttpClient { BaseAddress = new Uri(address) };
        Operator.DefaultRequestHeaders.Add("X-Api-Key", OperatorKey);

        using var content = new StringContent(PlanText, System.Text.Encoding.UTF8, "application/json");
        // A stepped rehearsal from 11/03/2024 09:00: the tests move the cycle's clock themselves, as they need it.
        var started = await Operator.PostAsync($"/api/cycles?id={CycleId}&rehearsal=step&from={Uri.EscapeDataString(Vn(3, 11, 9).ToString("O"))}", content);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // Tests advance the clock at once; a cycle the engine has not picked up yet is still pending and not advanced.
        await Eventually(async () => (await GetJsonAsync(Operator, $"/api/cycles/{CycleId}")).GetProperty("runtimeStatus").GetString() == "running", seconds: 60);
        await TokenAsync("bcd-yen-the");
    }

    /// <summary>Moves the cycle's stepped clock to <paramref name="to"/> and waits until the boundary reads it too.</summary>
    public async Task AdvanceAsync(DateTimeOffset to)
    {
        var cycle = $"/api/cycles/{CycleId}";
        var answer = await Operator.PostAsync($"{cycle}/rehearsal/advance", JsonContent.Create(new { to }));
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync());
        await Eventually(async () => (await GetJsonAsync(Operator, cycle)).GetProperty("progress") is { ValueKind: System.Text.Json.JsonValueKind.Object } p
            && p.TryGetProperty("standsAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String && at.GetDateTimeOffset() == to, seconds: 60);
    }

    public HttpClient Unit(string token)
    {
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The unit's token, the way the unit gets it: from the link in the plan notice the sink recorded.</summary>
    public async Task<string> TokenAsync(string unitId, string cycleId = CycleId)
    {
        var key = MessageKeys.PlanNotice(cycleId, unitId);
        RecordedMail? mail = null;
        await Eventually(() => (mail = Sink.Accepted.FirstOrDefault(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == key)) is not null);
        var link = UnitLink().Match(mail!.Text ?? "");
        Assert.True(link.Success, $"No upload link in the plan notice to {unitId}.");
        return Uri.UnescapeDataString(link.Groups[1].Value);
    }

    public async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A problem: its status and the fields it names.</summary>
    public static async Task<(JsonElement Problem, string[] Fields)> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await ReadAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var fields = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray() : [];
        return (problem, fields);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public static async Task Eventually(Func<bool> condition, int seconds = 30) => await Eventually(() => Task.FromResult(condition()), seconds);

    public static async Task Eventually(Func<Task<bool>> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Anonymous?.Dispose();
        Operator?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await StoragePrefix.DeleteAsync(ConnectionString, Prefix);
    }

    [GeneratedRegex(@"/u/([A-Za-z0-9._~%-]+)")]
    private static partial Regex UnitLink();
}
