using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The local engine: options from section "DurableTask" (validated at start), one Azure Storage orchestration
    /// service shared by the worker and the client, the worker as a hosted service, and the SDK's
    /// <see cref="DurableTaskClient"/> over the same task hub.
    /// </summary>
    public static IServiceCollection AddDurableEngine(
        this IServiceCollection services, Action<EngineTaskRegistry> tasks, Action<DurableEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var options = services.AddOptions<DurableEngineOptions>().BindConfiguration(DurableEngineOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        var registry = new EngineTaskRegistry();
        tasks(registry);
        services.AddSingleton(registry);
        services.TryAddSingleton(sp => new AzureStorageOrchestrationService(Settings(sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value, sp.GetRequiredService<ILoggerFactory>())));
        services.TryAddSingleton<DurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.TryAddSingleton<DurableTaskClient>(sp => new LocalDurableTaskClient(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        return services;
    }

    public static AzureStorageOrchestrationServiceSettings Settings(DurableEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
            TrackingServiceClientProvider = string.IsNullOrWhiteSpace(options.TrackingConnectionString) ? null : new TrackingServiceClientProvider(options.TrackingConnectionString),
            // Only read with a tracking account of its own; the tables keep the names they have in the hub's account.
            TrackingStoreNamePrefix = options.TaskHubName,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            UseTablePartitionManagement = true,
            LoggerFactory = loggerFactory,
        };
    }
}
