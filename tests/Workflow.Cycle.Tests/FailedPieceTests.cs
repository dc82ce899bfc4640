using System.Net;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Domain.Time;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// One bad piece cannot fail a cycle (issue 10): a nominee row planted straight into storage (the boundary would refuse
/// it) makes the round's judgement throw on every attempt. The cycle closes anyway, consolidates the rest and reports
/// the round with its reason; once the row is repaired, the operator's retry judges the round and consolidates again.
/// </summary>
public sealed class FailedPieceTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-phan-loi";
    private const string Round = "giay-khen-giam-doc";
    private const string Report = "bao-cao-tong-ket";
    private const string Planted = "de-nghi-hong-01";

    [Fact]
    public async Task RoundWhoseJudgementThrows_IsReportedWithItsReason_TheCycleStillClosesAndConsolidates_ThenRetryJudgesIt()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        // One report and one round, no reminders: the schedule is its two deadlines and the close.
        var plan = sample with
        {
            Deliverables = [.. sample.Deliverables.Where(d => d.Id == Report)],
            NominationRounds = [.. sample.NominationRounds.Where(r => r.Id == Round)],
            Targets = [],
            Milestones = [],
            ClosesOn = new DateOnly(2024, 5, 5),
            Reminders = sample.Reminders with { DaysBefore = [], Chase = sample.Reminders.Chase with { MaxCount = 0 }, EscalateAfterChases = 0 },
        };
        Assert.Empty(Workflow.Domain.Validation.PlanValidator.Validate(plan));
        var start = new DateTimeOffset(2024, 3, 11, 2, 0, 0, TimeSpan.Zero);
        await using var host = await HostProcess.StartAsync(fixture);
        await fixture.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(CycleId));
        await CycleDriver.StandsAtAsync(fixture.Client, CycleId, start);

        var good = Scenario.PoliceCollective();
        Assert.True((await fixture.Submissions.SubmitNominationAsync(CycleId, good.ProposedBy, Round, good, Scenario.Dossier(good))).Accepted);
        var planted = NomineeStatus.From(CycleId, plan.NominationRounds[0].AwardLevel, good with { Id = Planted, ProposedBy = "bcd-tan-yen", NomineeUnit = "bcd-tan-yen" })
            with { RecordJson = "{\"yearly\": khong-phai-json", SubmittedAt = start.AddDays(1) };
        await fixture.Status.UpdateNomineeAsync(CycleId, Round, Planted, _ => planted);

        // Straight to the close: the round is judged at its deadline, fails after its retries, and the cycle goes on.
        await fixture.Client.RaiseEventAsync(CycleId, ClockAdvance.EventName, new ClockAdvance(plan.ClosesAt(), "kiem-thu"));
        var closed = await CycleDriver.WaitForCompletion(fixture.Client, CycleId, seconds: 240);
        var summary = closed.ReadOutputAs<CycleSummary>()!;
        var failed = Assert.Single(summary.Failures!);
        Assert.Equal(($"round-{Round}", PieceKind.Round, Round), (failed.Id, failed.Kind, failed.Subject));
        Assert.Contains("Json", failed.Reason, StringComparison.Ordinal);
        Assert.Contains(summary.Exports, e => e.Contains(Report, StringComparison.Ordinal));
        Assert.Empty(summary.Rounds);
        Assert.Equal(failed.Id, Assert.Single(closed.ReadCustomStatusAs<CycleProgress>()!.Failures).Id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await fixture.Client.GetInstanceAsync(InstanceIds.Round(CycleId, Round)))!.RuntimeStatus);
        Assert.Contains(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "piece-failed" && e.Detail!.Contains(failed.Reason, StringComparison.Ordinal));

        // The operator repairs the row and asks for the round again, through the host's API.
        await fixture.Status.UpdateNomineeAsync(CycleId, Round, Planted, row => row! with { RecordJson = System.Text.Json.JsonSerializer.Serialize(good.Record) });
        using var api = new HttpClient { BaseAddress = host.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", "khoa-van-hanh-chi-dung-cho-kiem-thu");
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/cycles/{CycleId}/failures/khong-co/retry", null)).StatusCode);
        var retried = await api.PostAsync($"/api/cycles/{CycleId}/failures/{failed.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);

        CycleSummary? repaired = null;
        await CycleDriver.Eventually(
            async () => await fixture.Client.GetInstanceAsync(CycleId, getInputsAndOutputs: true) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } done
                && (repaired = done.ReadOutputAs<CycleSummary>()) is { Failures.Count: 0 },
            () => CycleDriver.Describe(fixture.Client, CycleId), seconds: 120);
        var round = Assert.Single(repaired!.Rounds);
        Assert.Equal((Round, 2), (round.RoundId, round.Received));
        Assert.Contains(good.Id, round.AcceptedNominations);
        Assert.Contains(repaired.Exports, e => e.Contains(Report, StringComparison.Ordinal));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await fixture.Client.GetInstanceAsync(InstanceIds.Round(CycleId, Round, 2)))!.RuntimeStatus);
        Assert.Contains(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "piece-recovered");
    }
}
