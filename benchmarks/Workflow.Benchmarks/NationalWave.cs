namespace Workflow.Benchmarks;

/// <summary>One advance of row 4's tree to a level's reminder instant: when it was asked for and how long the fan-out took.</summary>
internal sealed record NationalWave(int Level, DateTimeOffset Instant, DateTimeOffset AdvancedAt, double FanOutSeconds);
