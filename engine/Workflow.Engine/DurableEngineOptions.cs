using System.ComponentModel.DataAnnotations;

namespace Workflow.Engine;

/// <summary>
/// The task hub and how the engine works it, read by the local host from section "DurableTask". The Functions host
/// reads the same values from host.json (extensions.durableTask); a test keeps the two in agreement.
/// </summary>
public sealed class DurableEngineOptions
{
    public const string SectionName = "DurableTask";

    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Optional: a storage account of its own for the tracking store (the History and Instances tables), as Durable
    /// Functions' <c>trackingStoreConnectionName</c> allows; by default the task hub's account holds them too. The
    /// benchmark uses it to give the emulator's table scans a process of their own.
    /// </summary>
    public string? TrackingConnectionString { get; set; }

    /// <summary>Task hub names are 3–45 letters and digits, starting with a letter (Azure Storage table and queue names derive from it).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string TaskHubName { get; set; } = "workflowhub";

    /// <summary>4 was fastest here; 1 or 8 were slower (runtime.md).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>The 30 s default makes timers up to 5 s late; 1 s is the measured sweet spot.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dead worker's messages stay invisible before another takes them. With the 5 min default a killed
    /// host's instances finished 300 s after the kill; at 15 s they finished in 29 s.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool ExtendedSessionsEnabled { get; set; } = true;

    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 10;

    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 10;

    [Range(1, 32)]
    public int ControlQueueBatchSize { get; set; } = 32;
}
