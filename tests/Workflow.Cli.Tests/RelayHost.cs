using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Email;
using Workflow.Host;
using Workflow.MailSink;

namespace Workflow.Cli.Tests;

/// <summary>
/// The real host for the CLI, as the API tests build it: on 127.0.0.1 and a free port, over Azurite (WORKFLOW_STORAGE)
/// with uniquely named storage and the recording SendGrid endpoint. No cycle is started: the tests start theirs with
/// the CLI. Everything is removed afterwards.
/// </summary>
public sealed partial class RelayHost : IAsyncLifetime
{
    public const string OperatorKey = "khoa-van-hanh-cli-chi-dung-cho-kiem-thu";

    private WebApplication? _app;

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    public string Prefix { get; } = "c" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    public MailSinkServer Sink { get; private set; } = null!;

    public string Address { get; private set; } = "";

    public HttpClient Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await MailSinkServer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = ConnectionString,
            ["Host:Port"] = "0",
            ["Operator:ApiKey"] = OperatorKey,
            ["Storage:Prefix"] = Prefix,
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = Sink.BaseUrl,
            ["Email:FromAddress"] = "pv01@congan.thunghiem.example",
            ["Email:LedgerTable"] = $"{Prefix}mail",
            ["Cycle:LinkKey"] = "khoa-ky-duong-dan-cli-chi-dung-cho-kiem-thu-0123456789",
            ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Cycle:ReceiptPrefix"] = "TN",
            ["DurableTask:TaskHubName"] = $"{Prefix}hub",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // A fake wall clock, as the API tests': the cycles here are stepped rehearsals whose business time stands still.
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2024, 3, 11, 2, 0, 0, TimeSpan.Zero)));
        builder.AddWorkflowHost();
        _app = builder.Build();
        _app.UseWorkflowHost();
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", Address, StringComparison.Ordinal);
        Operator = new HttpClient { BaseAddress = new Uri(Address) };
        Operator.DefaultRequestHeaders.Add("X-Api-Key", OperatorKey);
    }

    /// <summary>Runs the command line against this host, with the operator key from the environment as an operator sets it.</summary>
    public async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        using var handler = new SocketsHttpHandler();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--url", Address], output, error, name => name == CliApp.KeyVariable ? OperatorKey : null, handler);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    public HttpClient Unit(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The unit's token, the way the unit gets it: from the link in the plan notice the sink recorded.</summary>
    public async Task<string> TokenAsync(string cycleId, string unitId)
    {
        var key = MessageKeys.PlanNotice(cycleId, unitId);
        RecordedMail? mail = null;
        await Eventually(() => Task.FromResult((mail = Sink.Accepted.FirstOrDefault(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == key)) is not null), 60);
        var link = UnitLink().Match(mail!.Text ?? "");
        Assert.True(link.Success, $"No upload link in the plan notice to {unitId}.");
        return Uri.UnescapeDataString(link.Groups[1].Value);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Operator.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task Eventually(Func<Task<bool>> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Operator?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await Workflow.Api.Tests.StoragePrefix.DeleteAsync(ConnectionString, Prefix);
    }

    [GeneratedRegex(@"/u/([A-Za-z0-9._~%-]+)")]
    private static partial Regex UnitLink();
}
