using System.Text;
using Microsoft.DurableTask;
using Workflow.Application;
using Workflow.Domain.Time;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// A nomination round closing at 01/04/2024 00:00:00 +07:00, on the engine's real timers at real speed (a rehearsal
/// clock of speed 1 that starts a few seconds before midnight). DTFx fires timers up to a second early; the cycle's
/// wait re-checks its own time, so the round is never judged before midnight, and a dossier accepted a fraction of a
/// second before midnight is in the judgement.
/// </summary>
public sealed class RoundCloseTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-dong-dot";
    private const string Round = "giay-khen-giam-doc";

    private static readonly DateTimeOffset Midnight = new(2024, 4, 1, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task RoundClosingAtMidnight_IsNeverJudgedEarly_AndIncludesTheDossierOfTheLastSecond()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var plan = sample with { Deliverables = [], NominationRounds = [.. sample.NominationRounds.Where(r => r.Id == Round)], Targets = [] };
        await using var host = await HostProcess.StartAsync(fixture);
        // A fresh host takes a while to own the task hub's partitions: an empty programme proves it is working.
        await fixture.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(Workflow.Orchestrations.Programme.ProgrammeOrchestrator), new ProgrammeInput("khoi-dong", plan, "pv01", 0, []), new StartOrchestrationOptions("khoi-dong"));
        await CycleDriver.WaitForCompletion(fixture.Client, "khoi-dong", seconds: 90);

        // Business time runs at real speed from 31/03/2024 23:59:45, so midnight comes 15 s after the cycle starts.
        var clock = new BusinessClock(DateTimeOffset.UtcNow, Midnight.AddSeconds(-15), 1);
        await fixture.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01", clock), new StartOrchestrationOptions(CycleId));
        await CycleDriver.Eventually(
            async () => (await CycleDriver.ProgressAsync(fixture.Client, CycleId))?.NextStepAt == Midnight.ToUniversalTime(),
            () => CycleDriver.Describe(fixture.Client, CycleId), seconds: 14);

        // The boundary's first call opens its storage clients; done before, so the last second is only the upload.
        Assert.Equal(clock, await fixture.Status.GetClockAsync(CycleId));

        // The last second: the dossier's last byte arrives well inside it, with room for a busy machine to wake late.
        await DelayUntil(clock.ToWall(Midnight.AddMilliseconds(-800)));
        var onTime = await fixture.Submissions.SubmitNominationAsync(CycleId, "bcd-yen-the", Round, Scenario.PoliceCollective(), Scenario.Dossier(Scenario.PoliceCollective()));
        Assert.True(onTime.Accepted, string.Join("; ", onTime.Problems.Select(p => p.Message).Concat(onTime.Files.Select(f => $"{f.Outcome} at {f.ReceivedAt:O}: {string.Join(" ", f.Errors)}"))));
        var arrival = onTime.Files[0].ReceivedAt;
        Assert.InRange(arrival, Midnight.AddSeconds(-1), Midnight.AddTicks(-1));

        // Just after midnight the door is shut.
        await DelayUntil(clock.ToWall(Midnight.AddMilliseconds(300)));
        var late = Scenario.PoliceCollective() with { Id = "de-nghi-luc-nam-01", ProposedBy = "bcd-luc-nam", NomineeUnit = "bcd-luc-nam" };
        var refused = await fixture.Submissions.SubmitNominationAsync(CycleId, "bcd-luc-nam", Round, late, Scenario.Dossier(late));
        Assert.False(refused.Accepted);

        await CycleDriver.Eventually(async () => await fixture.Client.GetInstanceAsync(InstanceIds.Round(CycleId, Round)) is not null);
        var round = await CycleDriver.WaitForCompletion(fixture.Client, InstanceIds.Round(CycleId, Round), seconds: 60);
        var result = round.ReadOutputAs<RoundResult>()!;
        Assert.Equal(["de-nghi-yen-the-01"], result.AcceptedNominations);
        Assert.Equal(1, result.Received);
        // Started only once the cycle's own time had reached midnight, and judged after it, on the wall clock too.
        Assert.True(clock.ToBusiness(round.CreatedAt) >= Midnight, $"The round started at {clock.ToBusiness(round.CreatedAt):O}, before midnight.");
        var judged = Assert.Single(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "round-closed");
        Assert.True(judged.At >= Midnight, $"The round was judged at {judged.At:O}.");
        Assert.Equal(SubmissionState.Submitted, (await fixture.Status.GetAsync(new SubmissionKey(CycleId, "bcd-yen-the", Round)))!.State);

        await fixture.Client.TerminateInstanceAsync(CycleId, "kiểm thử xong");
    }

    private static async Task DelayUntil(DateTimeOffset wall)
    {
        var wait = wall - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
