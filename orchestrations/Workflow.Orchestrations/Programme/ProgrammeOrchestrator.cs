using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Programme;

/// <summary>
/// A multi-year programme (002) as one long-lived orchestration: it starts the cycle of the plan's own deliverables
/// (implementation plans), then waits for each period's date and starts that period's cycle, continuing as new
/// between periods so its history stays small however many years it runs. A rehearsal's clock (sliding, not stepped)
/// carries over to every period's cycle. Period cycles run as their own
/// orchestrations, so a period opens on its date whether or not the previous one has closed.
/// </summary>
public sealed class ProgrammeOrchestrator : TaskOrchestrator<ProgrammeInput, ProgrammeResult>
{
    public override async Task<ProgrammeResult> RunAsync(TaskOrchestrationContext context, ProgrammeInput input)
    {
        var plan = input.Plan;
        var zone = plan.Zone();
        var periods = plan.Periods.OrderBy(p => p.OpensOn).ToList();
        if (input.NextPeriod >= periods.Count)
        {
            context.SetCustomStatus(new ProgrammeProgress(input.NextPeriod, null, null, input.StartedCycles));
            return new ProgrammeResult(input.ProgrammeId, input.StartedCycles);
        }

        string cycleId;
        Plan cyclePlan;
        if (input.NextPeriod < 0)
        {
            cycleId = InstanceIds.PeriodCycle(input.ProgrammeId, "trien-khai");
            cyclePlan = plan with { Id = cycleId, Periods = [] };
        }
        else
        {
            var period = periods[input.NextPeriod];
            var opensAt = VietnamTime.StartOfDay(period.OpensOn, zone);
            context.SetCustomStatus(new ProgrammeProgress(input.NextPeriod, period.Title, opensAt, input.StartedCycles));
            await context.WaitUntilAsync(input.BusinessClock, opensAt, CancellationToken.None);

            cycleId = InstanceIds.PeriodCycle(input.ProgrammeId, period.Id);
            cyclePlan = PeriodPlan(plan, period, cycleId);
        }

        await context.CallActivityAsync<string>(
            nameof(ICycleActivities.StartPeriodCycle), new CycleInput(cycleId, cyclePlan, input.StartedBy, input.Clock), ActivityRetry.Default);
        context.ContinueAsNew(input with { NextPeriod = input.NextPeriod + 1, StartedCycles = [.. input.StartedCycles, cycleId] });
        return new ProgrammeResult(input.ProgrammeId, input.StartedCycles);
    }

    /// <summary>
    /// A period's cycle: the period's deliverables and data period; it stays open until its last deadline has been
    /// chased to the end (and at least until the day before the next period opens), within the programme's end.
    /// </summary>
    public static Plan PeriodPlan(Plan plan, ProgrammePeriod period, string cycleId)
    {
        var lastDay = period.Deliverables.Select(d => d.Deadline.LastDay ?? period.OpensOn).DefaultIfEmpty(period.OpensOn).Max();
        var chaseDays = plan.Reminders.Chase.MaxCount * Math.Max(1, plan.Reminders.Chase.EveryDays);
        var closesOn = lastDay.AddDays(chaseDays + 7);
        return plan with
        {
            Id = cycleId,
            Title = $"{plan.Title} — {period.Title}",
            DataPeriod = period.DataPeriod,
            ClosesOn = closesOn > plan.ClosesOn ? (lastDay > plan.ClosesOn ? lastDay : plan.ClosesOn) : closesOn,
            Deliverables = period.Deliverables,
            NominationRounds = [],
            Targets = [.. plan.Targets.Where(t => period.Deliverables.Any(d => d.Id == t.Deliverable))],
            Periods = [],
        };
    }
}
