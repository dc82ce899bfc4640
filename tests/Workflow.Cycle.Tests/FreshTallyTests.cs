using Workflow.Application;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// The tally a freshly recorded plan gives the cycle (<see cref="CycleTally.Count"/> over the rows it has just seeded)
/// counts as the cycle's own tally of the stored rows would. Pure, no engine.
/// </summary>
public sealed class FreshTallyTests
{
    private static readonly Plan Plan = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");

    private static readonly DeadlineEvaluator Evaluator = new(Plan.Zone());

    private static List<DeliverableStatus> Seeded() =>
        [.. Plan.Units.SelectMany(unit => Plan.Subjects().Where(s => s.Scope.Includes(unit))
            .Select(task => DeliverableStatus.Pending(new SubmissionKey("bg", unit.Id, task.Id), task.Deadline, task.LatePolicy, Plan.TimeZone, task.Optional)))];

    [Fact]
    public void Before_any_cutoff_every_deliverable_row_is_pending_and_round_rows_are_not_counted()
    {
        var rows = Seeded();
        var deliverables = Plan.Deliverables.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var tally = CycleTally.Count(Plan, rows, Plan.Deliverables.Min(d => Evaluator.Cutoff(d.Deadline)).AddTicks(-1), new Dictionary<string, int>());

        Assert.Equal(rows.Count(r => deliverables.Contains(r.SubjectId)), tally.Expected);
        Assert.True(rows.Count > tally.Expected, "the sample's proposal rounds seed rows too");
        Assert.Equal(tally.Expected, tally.Pending);
        Assert.Equal(0, tally.OnTime + tally.Late + tally.Missing + tally.NotRequired);
    }

    [Fact]
    public void Past_a_cutoff_unsubmitted_rows_are_missing_or_not_required_as_the_deliverable_says()
    {
        var rows = Seeded();
        var first = Plan.Deliverables.MinBy(d => Evaluator.Cutoff(d.Deadline))!;
        var at = Evaluator.Cutoff(first.Deadline);
        var tally = CycleTally.Count(Plan, rows, at, new Dictionary<string, int>());

        var due = rows.Where(r => r.SubjectId == first.Id).ToList();
        Assert.Equal(first.Optional ? 0 : due.Count, tally.Missing);
        Assert.Equal(first.Optional ? due.Count : 0, tally.NotRequired);
        Assert.Equal(tally.Expected - due.Count, tally.Pending);
    }
}
