namespace Workflow.Domain.Scheduling;

/// <summary>A drafted plan's schedule, or no points and a Vietnamese note saying why it cannot be shown yet.</summary>
public sealed record SchedulePreview(IReadOnlyList<PreviewPoint> Points, string? Note);
