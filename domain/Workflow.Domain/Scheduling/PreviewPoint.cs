namespace Workflow.Domain.Scheduling;

/// <summary>
/// One point of a drafted plan's schedule: its instant (UTC), its calendar day, date (dd/MM/yyyy) and time (HH:mm) in the
/// plan's zone, what happens, for which subject, in Vietnamese, and how many units it concerns (0 for a milestone).
/// </summary>
public sealed record PreviewPoint(
    DateTimeOffset Instant,
    DateOnly Day,
    string Date,
    string Time,
    PreviewPointKind Kind,
    string Subject,
    string Title,
    string Text,
    int Units);
