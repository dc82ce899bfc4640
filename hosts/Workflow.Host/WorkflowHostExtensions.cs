using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using Workflow.Api;
using Workflow.Application;
using Workflow.Engine;

namespace Workflow.Host;

public static class WorkflowHostExtensions
{
    /// <summary>The storage connection string: ConnectionStrings:Storage, or the WORKFLOW_STORAGE environment variable.</summary>
    public const string StorageVariable = "WORKFLOW_STORAGE";

    private static readonly (string Key, string Hint)[] Secrets =
    [
        ("Operator:ApiKey", "Operator__ApiKey"),
        ("Cycle:LinkKey", "Cycle__LinkKey"),
        ("Email:ApiKey", "Email__ApiKey"),
    ];

    /// <summary>
    /// Everything the local host runs: the cycle's services, the Durable Task engine over Azure Storage (DTFx, as under Durable Functions), the mail outbox's sender, the API with its two
    /// credentials, and Kestrel on 127.0.0.1 only.
    /// </summary>
    public static WebApplicationBuilder AddWorkflowHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        ShareStorageConnection(configuration);
        RequireSettings(configuration);

        var host = configuration.GetSection(WorkflowHostOptions.SectionName).Get<WorkflowHostOptions>() ?? new WorkflowHostOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, host.Port);
            kestrel.Limits.MaxRequestBodySize = host.MaxRequestBodyBytes;
            // A slow body holds a connection and a deadline decision open: headers, rate and total time are all bounded.
            kestrel.Limits.RequestHeadersTimeout = host.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(host.MinRequestBodyBytesPerSecond, host.MinRequestBodyGrace);
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = host.MaxRequestBodyBytes);
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = host.MaxRequestDuration,
            TimeoutStatusCode = StatusCodes.Status408RequestTimeout,
        });

        // The wall clock; each cycle maps it to its own business time (live, or a rehearsal's clock).
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddReportingCycles();
        builder.Services.AddDurableEngine(AddCycleTasks);
        builder.Services.AddHostedService<MailOutboxWorker>();
        builder.Services.AddWorkflowApi();
        builder.Services.AddHostedService<UploadReconcilerService>();
        builder.Services.AddSingleton<Workflow.Api.Health.IEngineLiveness, DurableEngineLiveness>();
        return builder;
    }

    /// <summary>The cycle's orchestrators and activities, under the names the orchestrations call.</summary>
    public static void AddCycleTasks(EngineTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, create) in CycleTasks.Orchestrators)
        {
            registry.AddOrchestrator(name, _ => create());
        }

        foreach (var (name, create) in CycleTasks.Activities)
        {
            registry.AddActivity(name, create);
        }
    }

    /// <summary>The browsable API reference, generated in the browser from the OpenAPI document.</summary>
    public const string DocsPath = "/api/docs";

    /// <summary>
    /// The middleware and routes: security headers, problem details, the dashboard's static files, the API, its OpenAPI
    /// document and the reference page over it.
    /// </summary>
    public static WebApplication UseWorkflowHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapWorkflowApi();
        // The document and its reference page describe the API and hold no data, so they are open like /api/health.
        app.MapOpenApi().AllowAnonymous();
        // Offline: Scalar's script is embedded in the package and served from under this path; its web fonts, AI agent,
        // MCP link and telemetry would reach out to scalar.com, so they are off.
        app.MapScalarApiReference(DocsPath, options => options
            .WithTitle("Workflow — Tài liệu API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry())
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/dashboard/")).ExcludeFromDescription();
        // The link in units' e-mails: the unit page when the dashboard ships one, otherwise the unit's tasks.
        app.MapGet("/u/{token}", (string token, IWebHostEnvironment environment) =>
            Results.Redirect(environment.WebRootFileProvider.GetFileInfo("dashboard/unit.html").Exists
                ? $"/dashboard/unit.html?token={Uri.EscapeDataString(token)}"
                : $"/api/unit/tasks?token={Uri.EscapeDataString(token)}")).ExcludeFromDescription();
        // The plan editor is its own page: /dashboard/plans/new, or /dashboard/plans/{draft} for a saved draft.
        app.MapFallbackToFile("/dashboard/plans/{**path:nonfile}", "dashboard/plans.html");
        app.MapFallbackToFile("/dashboard/{**path:nonfile}", "dashboard/index.html");
        return app;
    }

    /// <summary>One setting configures the dossiers and status tables, the e-mail ledger and the durable runtime.</summary>
    private static void ShareStorageConnection(ConfigurationManager configuration)
    {
        var shared = configuration.GetConnectionString("Storage") is { Length: > 0 } named ? named : configuration[StorageVariable];
        if (string.IsNullOrWhiteSpace(shared))
        {
            return;
        }

        string[] keys = ["Storage:ConnectionString", "Email:LedgerConnectionString", "DurableTask:ConnectionString"];
        configuration.AddInMemoryCollection(keys.Where(k => string.IsNullOrWhiteSpace(configuration[k])).Select(k => KeyValuePair.Create(k, (string?)shared)));
    }

    private static void RequireSettings(ConfigurationManager configuration)
    {
        var missing = Secrets.Where(s => string.IsNullOrWhiteSpace(configuration[s.Key])).Select(s => $"{s.Key} (environment variable {s.Hint})").ToList();
        if (string.IsNullOrWhiteSpace(configuration["Storage:ConnectionString"]))
        {
            missing.Add($"the storage connection string (environment variable {StorageVariable} or ConnectionStrings__Storage)");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The host cannot start: missing {string.Join(", ", missing)}. Secrets come from environment variables or user secrets, never appsettings.json.");
        }
    }
}
