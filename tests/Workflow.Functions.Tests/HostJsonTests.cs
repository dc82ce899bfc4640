using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Engine;

namespace Workflow.Functions.Tests;

/// <summary>
/// host.json's extensions.durableTask runs the Functions app's task hub as the local engine runs its own: the same hub
/// name, partitions, polling, visibility timeouts, sessions and concurrency. Each value is compared with what the local
/// host actually uses (DurableEngineOptions' defaults, overridden by hosts/Workflow.Host/appsettings.json section
/// "DurableTask", turned into the Azure Storage provider's settings), and each key must sit in the section the Durable
/// Functions host.json reference documents for it: a key in the wrong section is silently ignored.
/// </summary>
public sealed class HostJsonTests
{
    /// <summary>Keys the reference documents directly under extensions.durableTask (Durable Functions 2.x and later).</summary>
    private static readonly HashSet<string> DurableTaskKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "hubName", "defaultVersion", "versionMatchStrategy", "versionFailureStrategy", "storageProvider", "tracing", "httpSettings",
        "maxConcurrentActivityFunctions", "maxConcurrentOrchestratorFunctions", "maxConcurrentEntityFunctions", "extendedSessionsEnabled",
        "extendedSessionIdleTimeoutInSeconds", "useAppLease", "useGracefulShutdown", "maxEntityOperationBatchSize", "storeInputsInOrchestrationHistory",
    };

    /// <summary>Keys the reference documents under extensions.durableTask.storageProvider for the Azure Storage provider.</summary>
    private static readonly HashSet<string> StorageProviderKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "connectionName", "connectionStringName", "controlQueueBatchSize", "controlQueueBufferThreshold", "controlQueueVisibilityTimeout",
        "fetchLargeMessagesAutomatically", "maxQueuePollingInterval", "partitionCount", "trackingStoreConnectionName", "trackingStoreConnectionStringName",
        "trackingStoreNamePrefix", "useLegacyPartitionManagement", "useTablePartitionManagement", "workItemQueueVisibilityTimeout", "queueClientMessageEncoding",
    };

    private static readonly JsonElement DurableTask = ReadDurableTask();

    private static JsonElement StorageProvider => DurableTask.GetProperty("storageProvider");

    [Fact]
    public void Every_key_is_in_its_documented_section()
    {
        Assert.All(DurableTask.EnumerateObject(), key => Assert.Contains(key.Name, DurableTaskKeys));
        Assert.All(StorageProvider.EnumerateObject(), key => Assert.Contains(key.Name, StorageProviderKeys));
    }

    [Fact]
    public void The_local_host_settings_are_the_engine_defaults()
    {
        // appsettings.json may only restate the defaults: the two places where the local values live must not drift.
        var defaults = new DurableEngineOptions();
        var local = LocalOptions();
        Assert.Equal(defaults.TaskHubName, local.TaskHubName);
        Assert.Equal(defaults.PartitionCount, local.PartitionCount);
        Assert.Equal(defaults.MaxQueuePollingInterval, local.MaxQueuePollingInterval);
        Assert.Equal(defaults.ControlQueueVisibilityTimeout, local.ControlQueueVisibilityTimeout);
        Assert.Equal(defaults.WorkItemQueueVisibilityTimeout, local.WorkItemQueueVisibilityTimeout);
        Assert.Equal(defaults.ExtendedSessionsEnabled, local.ExtendedSessionsEnabled);
        Assert.Equal(defaults.MaxConcurrentActivities, local.MaxConcurrentActivities);
        Assert.Equal(defaults.MaxConcurrentOrchestrations, local.MaxConcurrentOrchestrations);
        Assert.Equal(defaults.ControlQueueBatchSize, local.ControlQueueBatchSize);
    }

    [Fact]
    public void The_task_hub_is_the_local_one()
    {
        var local = LocalOptions();
        Assert.Equal(local.TaskHubName, DurableTask.GetProperty("hubName").GetString());
    }

    [Fact]
    public void Sessions_and_concurrency_are_the_local_ones()
    {
        var local = LocalOptions();
        Assert.Equal(local.ExtendedSessionsEnabled, DurableTask.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.Equal(local.MaxConcurrentActivities, DurableTask.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        Assert.Equal(local.MaxConcurrentOrchestrations, DurableTask.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
    }

    [Fact]
    public void The_storage_provider_is_set_as_the_local_engine_sets_it()
    {
        // What the local engine really runs with, not only its options: the provider settings built from them.
        var local = EngineServiceCollectionExtensions.Settings(LocalOptions(), NullLoggerFactory.Instance);
        Assert.Equal(local.PartitionCount, StorageProvider.GetProperty("partitionCount").GetInt32());
        Assert.Equal(local.ControlQueueBatchSize, StorageProvider.GetProperty("controlQueueBatchSize").GetInt32());
        Assert.Equal(local.MaxQueuePollingInterval, Duration("maxQueuePollingInterval"));
        Assert.Equal(local.ControlQueueVisibilityTimeout, Duration("controlQueueVisibilityTimeout"));
        Assert.Equal(local.WorkItemQueueVisibilityTimeout, Duration("workItemQueueVisibilityTimeout"));
        Assert.Equal(local.UseTablePartitionManagement, StorageProvider.GetProperty("useTablePartitionManagement").GetBoolean());
        Assert.Equal(local.ExtendedSessionsEnabled, DurableTask.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.Equal(local.MaxConcurrentTaskActivityWorkItems, DurableTask.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        Assert.Equal(local.MaxConcurrentTaskOrchestrationWorkItems, DurableTask.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
        Assert.Equal(local.TaskHubName, DurableTask.GetProperty("hubName").GetString());
    }

    [Fact]
    public void The_measured_values_are_in_force()
    {
        // runtime.md: 4 partitions, 1 s polling, 15 s visibility timeouts, extended sessions.
        Assert.Equal(4, StorageProvider.GetProperty("partitionCount").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(1), Duration("maxQueuePollingInterval"));
        Assert.Equal(TimeSpan.FromSeconds(15), Duration("controlQueueVisibilityTimeout"));
        Assert.Equal(TimeSpan.FromSeconds(15), Duration("workItemQueueVisibilityTimeout"));
        Assert.True(DurableTask.GetProperty("extendedSessionsEnabled").GetBoolean());
    }

    /// <summary>The local host's effective options: the engine's defaults overridden by appsettings.json.</summary>
    [Fact]
    public void A_tracking_account_of_its_own_is_used_only_when_set_and_keeps_the_hubs_table_names()
    {
        // The local host's default: History and Instances live in the task hub's own account.
        var local = LocalOptions();
        Assert.Null(EngineServiceCollectionExtensions.Settings(local, NullLoggerFactory.Instance).TrackingServiceClientProvider);

        // DurableTask:TrackingConnectionString moves them; they keep the hub's names ({hub}History), not DTFx's default prefix.
        local.TrackingConnectionString = "UseDevelopmentStorage=true";
        var split = EngineServiceCollectionExtensions.Settings(local, NullLoggerFactory.Instance);
        Assert.NotNull(split.TrackingServiceClientProvider);
        Assert.Equal(local.TaskHubName, split.TrackingStoreNamePrefix);
    }

    private static DurableEngineOptions LocalOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Repository.PathOf("hosts", "Workflow.Host", "appsettings.json"), optional: false)
            .Build();
        var options = new DurableEngineOptions { ConnectionString = "UseDevelopmentStorage=true" };
        configuration.GetSection(DurableEngineOptions.SectionName).Bind(options);
        return options;
    }

    private static TimeSpan Duration(string key) =>
        TimeSpan.ParseExact(StorageProvider.GetProperty(key).GetString()!, "c", CultureInfo.InvariantCulture);

    private static JsonElement ReadDurableTask()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(Repository.PathOf("host.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.GetProperty("extensions").GetProperty("durableTask").Clone();
    }
}
