namespace Workflow.Domain.Consolidation;

/// <summary>One unit's standing on a deliverable at consolidation: its latest counted version's statistics.</summary>
public sealed record UnitReport(string UnitId, ReportState State, DateTimeOffset? SubmittedAt, ReportStatistics? Statistics);
