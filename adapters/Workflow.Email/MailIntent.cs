namespace Workflow.Email;

/// <summary>
/// "An upload of this unit for this subject arrived at <see cref="Arrival"/>; its receipt or refusal is owed." Written
/// before the upload changes any state and removed once its mails are in the outbox, so a crash in between leaves the
/// intent for the outbox sender to finish from the upload's audit rows.
/// </summary>
public sealed record MailIntent(string CycleId, string UnitId, string SubjectId, DateTimeOffset Arrival, string Id)
{
    public DateTimeOffset RecordedAt { get; init; }
}
