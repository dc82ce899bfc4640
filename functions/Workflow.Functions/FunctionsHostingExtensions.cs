using System.Text.Json;
using Azure.Core.Serialization;
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
    /// worker, and the same JSON as the embedded runtime for inputs, outputs and events.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

        // Durable Functions serializes through the worker's serializer; camelCase web defaults match JsonDataConverter,
        // so a payload means the same on the embedded runtime and on Azure.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        services.AddReportingCycles();
        services.AddWorkflowApi();
        services.AddSingleton<ApiGate>();

        // These two take our DurableTaskClient, which on Functions exists only per invocation (the [DurableClient]
        // binding): the functions build them for each call instead of resolving process-wide singletons.
        services.RemoveAll<CycleActivities>();
        services.RemoveAll<SubmissionService>();
        return builder;
    }
}
