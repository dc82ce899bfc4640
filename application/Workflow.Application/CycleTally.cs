namespace Workflow.Application;

/// <summary>
/// A cycle's reports counted from the status rows at a business instant: a unit that has not handed in is missing once
/// its own cutoff has passed, pending before. The orchestration's progress, the snapshots and the milestone reminders
/// all count this way, so their figures agree.
/// </summary>
public sealed class CycleTally(IStatusStore status)
{
    public async Task<Tally> CountAsync(Plan plan, string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = new List<DeliverableStatus>();
        foreach (var deliverable in plan.Deliverables)
        {
            rows.AddRange(await status.ListAsync(cycleId, deliverable.Id, cancellationToken));
        }

        var lateRejected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is null))
        {
            lateRejected[round.Id] = await LateRefusals.CountAsync(status, cycleId, round.Id, cancellationToken);
        }

        return Count(plan, rows, at, lateRejected);
    }

    /// <summary>
    /// The tally of rows already read: the deliverables' rows count, the rounds' rows do not (their late refusals come
    /// from the audit, given here per proposal round).
    /// </summary>
    public static Tally Count(Plan plan, IEnumerable<DeliverableStatus> rows, DateTimeOffset at, IReadOnlyDictionary<string, int> lateRejected)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var evaluator = new DeadlineEvaluator(plan.Zone());
        var deliverables = plan.Deliverables.ToDictionary(d => d.Id, StringComparer.Ordinal);
        int expected = 0, onTime = 0, late = 0, missing = 0, notRequired = 0;
        foreach (var row in rows)
        {
            if (!deliverables.TryGetValue(row.SubjectId, out var deliverable))
            {
                continue;
            }

            expected++;
            if (row.State == SubmissionState.Submitted)
            {
                _ = row.Late ? late++ : onTime++;
            }
            else if (evaluator.Cutoff(row.Deadline) <= at)
            {
                // An optional deliverable not handed in is not missing; the plan decides, for rows seeded before the flag.
                _ = row.Optional || deliverable.Optional ? notRequired++ : missing++;
            }
        }

        return new Tally(expected, onTime, late, missing, expected - onTime - late - missing - notRequired, lateRejected, notRequired);
    }
}
