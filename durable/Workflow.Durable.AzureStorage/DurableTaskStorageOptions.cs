using System.ComponentModel.DataAnnotations;

namespace Workflow.Durable.AzureStorage;

/// <summary>Settings of the durable runtime, bound from the <see cref="SectionName"/> configuration section.</summary>
public sealed class DurableTaskStorageOptions
{
    public const string SectionName = "DurableTask";

    /// <summary>Azure Storage connection string (Azurite locally).</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Prefix of every table, queue and container; letters and digits, starting with a letter.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,40}$")]
    public string TaskHubName { get; set; } = string.Empty;

    /// <summary>Control partitions; fixed for the life of a task hub (instances are placed by a hash of their id).</summary>
    [Range(1, 32)]
    public int PartitionCount { get; set; } = 4;

    [Range(1, 10_000)]
    public int MaxConcurrentActivities { get; set; } = 32;

    [Range(1, 1_000)]
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>First wait of the control-queue poll after an empty receive (real time, not business time).</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest wait of the control-queue poll when idle.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a partition lease lasts without renewal, measured on the injected TimeProvider.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed and rebalanced (real time).</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often owned partitions are swept for inbox rows whose notification was lost (real time).</summary>
    public TimeSpan InboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures after which a message or episode is moved aside and the instance failed.</summary>
    [Range(1, 100)]
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Base wait between attempts of a failing episode; doubles per attempt.</summary>
    public TimeSpan FailedEpisodeRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Identifies this host in lease rows; unique per process by default.</summary>
    public string WorkerId { get; set; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
}
