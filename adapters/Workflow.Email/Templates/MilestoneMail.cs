namespace Workflow.Email.Templates;

/// <summary>
/// A milestone's reminder to the plan's operators: <see cref="DaysLeft"/> is the schedule point's "d days before", the
/// figures are the cycle's at <see cref="AsOf"/>, and <see cref="Snapshot"/> the consolidation snapshot to cite (null
/// when none has been taken). <see cref="Link"/> opens that snapshot, or the cycle, on the dashboard.
/// </summary>
public sealed record MilestoneMail(
    string PlanNumber,
    string PlanTitle,
    string MilestoneTitle,
    Deadline Deadline,
    int DaysLeft,
    DateTimeOffset AsOf,
    CycleFigures Figures,
    SnapshotReference? Snapshot,
    UploadLink Link);
