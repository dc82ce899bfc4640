using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>The plan store keeps each cycle's plan and the versions an operator's amendments make of it, seen by every process.</summary>
[Collection(AdapterCollection.Name)]
public sealed class PlanStoreTests(AdapterFixture fixture)
{
    private static QuotaRule Pending(string id) => new() { Id = id, Description = $"Chỉ tiêu {id}", Pending = true };

    private static readonly Plan Plan = new()
    {
        Id = "thu-nghiem",
        Number = "01/KH-BCĐ",
        IssuedOn = new DateOnly(2024, 3, 11),
        Issuer = "Ban Chỉ đạo tỉnh",
        Title = "Kế hoạch thử nghiệm",
        Kind = CycleKind.FinalReview,
        DataPeriod = new DatePeriod(new DateOnly(2014, 8, 15), new DateOnly(2024, 6, 15)),
        ClosesOn = new DateOnly(2024, 7, 31),
        Blocks = [new Block("district-committee", "Ban Chỉ đạo cấp huyện")],
        Units = [new Unit { Id = "bcd-yen-the", Name = "Ban Chỉ đạo huyện Yên Thế", Block = "district-committee", Emails = ["bcd@yenthe.bacgiang.example"] }],
        NominationRounds =
        [
            new NominationRound
            {
                Id = "giay-khen",
                AwardLevel = AwardLevel.PoliceDirectorCertificate,
                Title = "Giấy khen",
                Proposers = new UnitScope { Blocks = ["district-committee"] },
                Quotas = [Pending("tap-the"), Pending("ca-nhan")],
            },
        ],
        Reminders = new ReminderPolicy(),
    };

    [Fact]
    public async Task Amendment_IsSeenByAnotherProcess_AndTheReplacedVersionIsKept()
    {
        var cycleId = AdapterFixture.NewCycleId();
        // Two store instances, as the host and the upload boundary in another process would have.
        var host = fixture.Storage(TimeProvider.System).GetRequiredService<IPlanStore>();
        var boundary = fixture.Storage(TimeProvider.System).GetRequiredService<IPlanStore>();
        await host.SaveAsync(cycleId, Plan);
        Assert.Null((await boundary.GetAsync(cycleId))!.NominationRounds[0].Deadline);

        var deadline = Deadline.Before(new DateOnly(2024, 6, 1));
        var amended = await host.UpdateAsync(cycleId, p => p.WithRoundDeadline("giay-khen", deadline));

        Assert.Equal(deadline, amended!.NominationRounds[0].Deadline);
        Assert.Equal(deadline, (await boundary.GetAsync(cycleId))!.NominationRounds[0].Deadline);
        var container = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(new StorageOptions { Prefix = fixture.Prefix }.PlanContainer);
        Assert.True((await container.GetBlobClient($"versions/{cycleId}/1.plan.json").ExistsAsync()).Value);
        // Storing the plan the cycle started with again is no longer a no-op: the cycle's plan has moved on.
        await Assert.ThrowsAsync<InvalidOperationException>(() => boundary.SaveAsync(cycleId, Plan));
    }

    [Fact]
    public async Task TwoOperatorsAmendingAtOnce_BothAmendmentsSurvive()
    {
        var cycleId = AdapterFixture.NewCycleId();
        var first = fixture.Storage(TimeProvider.System).GetRequiredService<IPlanStore>();
        var second = fixture.Storage(TimeProvider.System).GetRequiredService<IPlanStore>();
        await first.SaveAsync(cycleId, Plan);

        // Both read the same version before either writes, so one of them must lose the race and apply its change again.
        var bothRead = new Barrier(2);
        var calls = 0;
        Plan Change(Plan plan, string quota)
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                bothRead.SignalAndWait(TimeSpan.FromSeconds(10));
            }

            return plan.WithQuotaNumbers("giay-khen", quota, new QuotaNumbers { Max = 1 });
        }

        await Task.WhenAll(
            Task.Run(() => first.UpdateAsync(cycleId, p => Change(p, "tap-the"))),
            Task.Run(() => second.UpdateAsync(cycleId, p => Change(p, "ca-nhan"))));

        var stored = (await fixture.Storage(TimeProvider.System).GetRequiredService<IPlanStore>().GetAsync(cycleId))!;
        Assert.Empty(stored.NominationRounds[0].PendingQuotas);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task NoChange_LeavesThePlan_AndAnUnknownCycleHasNone()
    {
        var cycleId = AdapterFixture.NewCycleId();
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IPlanStore>();
        await store.SaveAsync(cycleId, Plan);

        var same = await store.UpdateAsync(cycleId, _ => null);

        Assert.Equal(2, same!.NominationRounds[0].PendingQuotas.Count());
        Assert.Null(await store.UpdateAsync(AdapterFixture.NewCycleId(), p => p));
        var container = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(new StorageOptions { Prefix = fixture.Prefix }.PlanContainer);
        Assert.False((await container.GetBlobClient($"versions/{cycleId}/1.plan.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task OptionalRow_KeepsItsFlag_AndIsNotRequiredPastItsCutoff_NeverMissing()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "bcd-yen-the", "giay-khen");
        await store.SeedAsync([DeliverableStatus.Pending(key, Deadline.Before(new DateOnly(2024, 4, 1)), LatePolicy.Reject, optional: true)]);

        var row = (await store.GetAsync(key))!;

        Assert.True(row.Optional);
        var after = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.FromHours(7));
        Assert.True(row.NotRequiredAt(after));
        Assert.False(row.MissingAt(after));
        Assert.False(row.NotRequiredAt(after.AddTicks(-1)));
        Assert.True((row with { Optional = false }).MissingAt(after));
    }
}
