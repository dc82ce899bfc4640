namespace Workflow.Benchmarks;

/// <summary>One level's issuing in row 4: 0 the ministry, 1 the provinces, 2 the communes; seconds from the start of the run.</summary>
internal sealed record NationalLevel(int Level, int Cycles, double From, double Seconds, string? FirstRefusal);
