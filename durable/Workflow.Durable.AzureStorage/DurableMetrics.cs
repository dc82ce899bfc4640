using System.Diagnostics.Metrics;

namespace Workflow.Durable.AzureStorage;

/// <summary>Instruments of the "Workflow.Durable" meter.</summary>
internal static class DurableMetrics
{
    public const string MeterName = "Workflow.Durable";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Episodes = Meter.CreateCounter<long>("workflow.durable.episodes", description: "Committed orchestration episodes");

    public static readonly Counter<long> Activities = Meter.CreateCounter<long>("workflow.durable.activities", description: "Activity executions");

    public static readonly Counter<long> StorageOperations = Meter.CreateCounter<long>("workflow.durable.storage.operations", description: "Requests sent to Azure Storage");

    public static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>("workflow.durable.timer.lateness", "ms", "Commit of TimerFired minus the timer's due time");
}
