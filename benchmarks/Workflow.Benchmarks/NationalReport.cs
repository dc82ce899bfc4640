namespace Workflow.Benchmarks;

/// <summary>What row 4's engine process reports back on its stdout, as one JSON line.</summary>
internal sealed record NationalReport(
    DateTimeOffset StartedAt,
    double Seconds,
    IReadOnlyList<NationalLevel> Levels,
    IReadOnlyList<NationalWave> Waves,
    long PeakWorkingSet,
    long Episodes,
    StorageCount Requests,
    bool Stopped);
