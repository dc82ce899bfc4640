namespace Workflow.Benchmarks;

/// <summary>What the engine process of row 2 reports back on its stdout, as one JSON line.</summary>
internal sealed record LargeCycleReport(
    bool Completed,
    DateTimeOffset StartedAt,
    DateTimeOffset? PlanRecordedAt,
    double Seconds,
    long PeakWorkingSet,
    long Episodes,
    StorageCount Requests);
