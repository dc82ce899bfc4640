using System.Text;
using Workflow.Application;
using Microsoft.DurableTask;
using Workflow.Domain.Time;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>A nomination dossier is one submission: a bad file refuses all of it before anything is stored.</summary>
public sealed class NominationDossierTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-ho-so";
    private const string Round = "giay-khen-giam-doc";
    private const string Unit = "bcd-yen-the";

    [Fact]
    public async Task DossierWithOneBadFile_IsRefusedWhole_AuditedAndNothingStored()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var plan = sample with
        {
            // The round's quotas name departments and bodies, so the units stay; only the reports are left out.
            Deliverables = [],
            NominationRounds = [.. sample.NominationRounds.Where(r => r.Id == Round)],
            Targets = [],
        };
        var start = new DateTimeOffset(2024, 3, 11, 2, 0, 0, TimeSpan.Zero);
        await using var host = await HostProcess.StartAsync(fixture);
        var process = fixture;
        await process.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(CycleId));
        await CycleDriver.StandsAtAsync(process.Client, CycleId, start);

        var files = Scenario.Dossier(Scenario.PoliceCollective()).ToList();
        files[2] = files[2] with { File = new IncomingFile("danh-sach.exe", "application/octet-stream", new MemoryStream(Encoding.ASCII.GetBytes("MZ"))) };
        var result = await process.Submissions.SubmitNominationAsync(CycleId, Unit, Round, Scenario.PoliceCollective(), files);

        Assert.False(result.Accepted);
        Assert.Contains(result.Problems, p => p.Field == "files[2]");
        Assert.Empty(result.Files);
        var key = new SubmissionKey(CycleId, Unit, Round);
        Assert.Empty(await process.Dossiers.ListVersionsAsync(key));
        Assert.Empty(await process.Status.ListNomineesAsync(CycleId, Round));
        Assert.Equal(SubmissionState.Pending, (await process.Status.GetAsync(key))!.State);
        var audit = Assert.Single(await process.Status.ListAuditAsync(CycleId, Round, Unit));
        Assert.Equal(UploadOutcome.RejectedInvalid, audit.Outcome);
        Assert.Contains("files[2]", audit.Reason, StringComparison.Ordinal);
    }
}
