using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

[Collection(AdapterCollection.Name)]
public sealed class StatusStoreTests(AdapterFixture fixture)
{
    private static readonly Deadline ReportDeadline = Deadline.Before(new DateOnly(2024, 5, 1));

    [Fact]
    public async Task TwoWritersRacingOnOneRow_BothChangesSurvive()
    {
        // Two separate store instances, as two host processes would have.
        var first = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var second = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "xa-tan-an", "bao-cao");
        await first.SeedAsync([DeliverableStatus.Pending(key, ReportDeadline, LatePolicy.AcceptAndMarkLate)]);

        // Both writers read the same ETag before either writes, so one of them must lose the race.
        var bothRead = new Barrier(2);
        var calls = 0;
        DeliverableStatus Change(DeliverableStatus s, string point)
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                bothRead.SignalAndWait(TimeSpan.FromSeconds(10));
            }

            return s.WithReminder(point, Clock.Vietnam(2024, 4, 24, 8));
        }

        await Task.WhenAll(
            Task.Run(() => first.UpdateAsync(key, s => Change(s, "bao-cao:reminder:7"))),
            Task.Run(() => second.UpdateAsync(key, s => Change(s, "bao-cao:reminder:3"))));

        var row = await first.GetAsync(key);
        Assert.Equal(2, row!.RemindersSent);
        Assert.Equal(3, calls); // the loser re-read and re-applied once
    }

    [Fact]
    public async Task Reminder_ForTheSamePointTwice_CountsOnce()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "xa-tan-an", "bao-cao");
        await store.SeedAsync([DeliverableStatus.Pending(key, ReportDeadline, LatePolicy.AcceptAndMarkLate)]);

        await store.UpdateAsync(key, s => s.WithReminder("bao-cao:reminder:7", Clock.Vietnam(2024, 4, 24, 8)));
        var row = await store.UpdateAsync(key, s => s.WithReminder("bao-cao:reminder:7", Clock.Vietnam(2024, 4, 24, 8, 1)));

        Assert.Equal(1, row.RemindersSent);
        Assert.Equal(Clock.Vietnam(2024, 4, 24, 8), row.LastReminderAt);
    }

    [Fact]
    public async Task Seed_OfMoreThanOneBatch_IsIdempotentAndNeverResetsProgress()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var cycle = AdapterFixture.NewCycleId();
        var rows = Enumerable.Range(1, 250)
            .Select(n => DeliverableStatus.Pending(new SubmissionKey(cycle, $"don-vi-{n:D3}", "bao-cao"), ReportDeadline, LatePolicy.AcceptAndMarkLate))
            .ToList();

        var inserted = await store.SeedAsync(rows);
        var submitted = rows[42].Key;
        await store.UpdateAsync(submitted, s => s.WithSubmission(1, Clock.Vietnam(2024, 4, 2), Domain.Time.Timeliness.OnTime, "R-1"));
        var again = await store.SeedAsync(rows);

        Assert.Equal(250, inserted);
        Assert.Equal(0, again);
        var listed = await store.ListAsync(cycle, "bao-cao");
        Assert.Equal(250, listed.Count);
        Assert.Equal(SubmissionState.Submitted, listed.Single(r => r.UnitId == submitted.UnitId).State);
        Assert.All(listed, r => Assert.Equal(Clock.Vietnam(2024, 5, 1), r.Cutoff));
    }

    [Fact]
    public async Task NomineeRow_KeepsRecordVerdictsAndFailedRules()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var cycle = AdapterFixture.NewCycleId();
        var nomination = new Nomination
        {
            Id = "dn-001",
            Round = "giay-khen-gd",
            ProposedBy = "huyen-yen-dung",
            NomineeUnit = "huyen-yen-dung",
            Kind = NomineeKind.Collective,
            Name = "Công an xã Tân An",
            IsPolice = true,
            Profile = "cong-an-xa",
            Record = new NomineeRecord { Flags = new Dictionary<string, bool> { ["ky-luat"] = false } },
        };
        var failure = new EligibilityFailure("nam-lien-tuc", "3 năm liên tục tiên tiến", ["năm 2022 không đạt"]);

        await store.UpdateNomineeAsync(cycle, "giay-khen-gd", "dn-001", _ => NomineeStatus.From(cycle, AwardLevel.PoliceDirectorCertificate, nomination));
        await store.UpdateNomineeAsync(cycle, "giay-khen-gd", "dn-001", n => n!.WithEligibility(new EligibilityResult("cong-an-xa", [failure])).WithDossier(new DossierCheckResult(2, [])));

        var row = Assert.Single(await store.ListNomineesAsync(cycle, "giay-khen-gd"));
        Assert.False(row.Eligible);
        Assert.Equal(["nam-lien-tuc"], row.FailedRules);
        Assert.Equal([failure.Message], row.EligibilityReasons);
        Assert.True(row.DossierComplete);
        Assert.Null(row.WithinQuota);
        Assert.Equal("Công an xã Tân An", row.Name);
        Assert.Contains("ky-luat", row.RecordJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithoutConnectionString_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddWorkflowStorage();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
