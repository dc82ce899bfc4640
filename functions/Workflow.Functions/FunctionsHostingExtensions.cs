using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Workflow.Api;
using Workflow.Application;
using Workflow.Functions.Http;

namespace Workflow.Functions;

public static class FunctionsHostingExtensions
{
    /// <summary>
    /// What the functions need: the cycle's use cases over storage and e-mail (sections "Cycle", "Storage", "Email"),
    /// the API's authentication, policies, problem details and JSON (section "Operator"), Application Insights for the
    /// worker, and the local engine's JSON for orchestration and activity payloads.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

        // Payloads must mean the same here as on the local engine, which uses the SDK's JsonDataConverter.Default on
        // both sides: System.Text.Json defaults plus IncludeFields (PascalCase names, public fields written and read,
        // property names matched case-sensitively). The Durable extension (1.21.1) ignores any DataConverter in DI: it
        // always wraps WorkerOptions.Serializer (ObjectConverterShim) for orchestration inputs, outputs, custom status
        // and events, and activity triggers use that serializer directly. The worker's default serializer is a
        // JsonObjectSerializer over System.Text.Json defaults with PropertyNameCaseInsensitive = true and no
        // IncludeFields, so on Azure a payload with a public field would lose it, and a payload with differently cased
        // names would be read on Azure but not locally. Setting the worker's serializer to the SDK's converter itself
        // makes the two identical. HTTP responses are unaffected: with the ASP.NET Core integration the API's own
        // JSON options (AddWorkflowApi) write them, as locally.
        services.Configure<WorkerOptions>(options => options.Serializer = new SdkJsonObjectSerializer());

        services.TryAddSingleton(TimeProvider.System);
        services.AddReportingCycles();
        services.AddWorkflowApi();
        services.AddSingleton<ApiGate>();

        // CycleActivities takes the Durable client, which on Functions exists only per invocation (the [DurableClient]
        // binding): the activity functions build it for each call instead of resolving a process-wide singleton.
        services.RemoveAll<CycleActivities>();
        return builder;
    }
}
