using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>Accepted means wholly stored: concurrent uploads, a status write that fails, and the reconciler after a crash.</summary>
[Collection(AdapterCollection.Name)]
public sealed class UploadIntegrityTests(AdapterFixture fixture)
{
    private const string Subject = "bao-cao";
    private static readonly Deadline ReportDeadline = Deadline.Before(new DateOnly(2024, 5, 1));

    [Fact]
    public async Task FiftyConcurrentUploadsOf1MB_ToManyUnitsAndToOneUnit_AreAllAccepted_WithUniqueReceipts()
    {
        var clock = Clock.AtVietnam(2024, 4, 20, 9);
        var services = fixture.Storage(clock);
        var status = services.GetRequiredService<IStatusStore>();
        var acceptance = services.GetRequiredService<UploadAcceptance>();
        var cycle = AdapterFixture.NewCycleId();
        await status.EnsureCycleAsync(cycle, "BG");
        var many = Enumerable.Range(0, 25).Select(i => new SubmissionKey(cycle, $"don-vi-{i:D2}", Subject)).ToList();
        var one = new SubmissionKey(cycle, "don-vi-chung", Subject);
        await status.SeedAsync([.. many.Append(one).Select(k => DeliverableStatus.Pending(k, ReportDeadline, LatePolicy.AcceptAndMarkLate))]);
        var keys = many.Concat(Enumerable.Repeat(one, 25)).ToList();

        var results = await Task.WhenAll(keys.Select((key, i) => Task.Run(() => acceptance.AcceptAsync(new UploadRequest(key, "bao-cao.pdf", "application/pdf", new MemoryStream(Megabyte(i)))))));

        Assert.All(results, r => Assert.Equal(UploadOutcome.AcceptedOnTime, r.Outcome));
        Assert.Equal(50, results.Select(r => r.ReceiptNumber).Distinct(StringComparer.Ordinal).Count());
        var prefix = await status.EnsureCycleAsync(cycle, "BG");
        Assert.All(results, r => Assert.StartsWith(prefix + "-", r.ReceiptNumber, StringComparison.Ordinal));
        // The shared unit: 25 distinct versions, the newest counting, one audit row each, every file intact.
        Assert.Equal(Enumerable.Range(1, 25), results.Where(r => r.Key == one).Select(r => r.Version!.Value).Order());
        var row = await status.GetAsync(one);
        Assert.Equal((25, 25), (row!.LatestVersion, row.CountedVersion));
        Assert.Equal(25, (await status.ListAuditAsync(cycle, Subject, one.UnitId)).Count);
        var dossiers = services.GetRequiredService<IDossierStore>();
        var versions = await dossiers.ListVersionsAsync(one);
        Assert.Equal(results.Where(r => r.Key == one).Select(r => (r.Version!.Value, r.Sha256)).Order(), versions.Select(v => (v.Version, v.Sha256)));
        foreach (var key in many)
        {
            Assert.Equal(1, (await status.GetAsync(key))!.CountedVersion);
        }
    }

    [Fact]
    public async Task AStatusRowThatStorageRefuses_LeavesNoFileNoReceiptAndNoCount()
    {
        var (services, key) = await SetUpAsync(Clock.AtVietnam(2024, 4, 20, 9));
        var acceptance = services.GetRequiredService<UploadAcceptance>();
        // Statistics past the boundary's bound reach the store: Table Storage refuses the row after the file is stored.
        var huge = $"{{\"forms\":{{\"f\":{{\"ghi-chu\":{{\"text\":\"{new string('x', 1_500_000)}\"}}}}}}}}";

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => acceptance.AcceptAsync(
            new UploadRequest(key, "bao-cao.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 báo cáo"))) { StatisticsJson = huge }));

        var dossiers = services.GetRequiredService<IDossierStore>();
        Assert.Empty(await dossiers.ListVersionsAsync(key));
        Assert.Null(await dossiers.DownloadAsync(key, 1));
        Assert.Empty(await BlobNamesAsync(key.CycleId));
        var row = await services.GetRequiredService<IStatusStore>().GetAsync(key);
        Assert.Equal((SubmissionState.Pending, 0, (string?)null), (row!.State, row.LatestVersion, row.CountedReceipt));
        Assert.Empty(await services.GetRequiredService<IStatusStore>().ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId));

        // The unit's next attempt is the first version.
        var retry = await acceptance.AcceptAsync(new UploadRequest(key, "bao-cao.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 lần 2"))));
        Assert.Equal((UploadOutcome.AcceptedOnTime, 1), (retry.Outcome, retry.Version));
    }

    [Fact]
    public async Task Reconciler_SweepsAStrayFileNeverAccepted_AndFinishesAnAcceptedNominationItsWriterLeft()
    {
        var clock = Clock.AtVietnam(2024, 3, 25, 10);
        var (services, stray) = await SetUpAsync(clock);
        var status = services.GetRequiredService<IStatusStore>();
        var dossiers = services.GetRequiredService<IDossierStore>();
        var reconciler = services.GetRequiredService<UploadReconciler>();
        var round = new SubmissionKey(stray.CycleId, "huyen-tan-yen", "giay-khen");
        await status.SeedAsync([DeliverableStatus.Pending(round, Deadline.Before(new DateOnly(2024, 4, 1)), LatePolicy.Reject)]);
        var at = clock.GetUtcNow();

        // A writer killed after storing the file, before its status row: nothing accepted it.
        var lost = new PendingBatch(stray, "lost-1", at, at, ["lost-1"]);
        await dossiers.BeginAsync(lost);
        await dossiers.AddPendingVersionAsync(stray, Upload("bao-cao.pdf", "chưa được nhận", "BG-X-LOST01", at), lost.BatchId, 0);

        // A writer killed after the status and audit rows of a two-file dossier held, before its nominee row and visibility.
        var nominee = NomineeStatus.From(round.CycleId, AwardLevel.PoliceDirectorCertificate, new Nomination
        {
            Id = "dn-tan-yen", Round = round.SubjectId, ProposedBy = round.UnitId, NomineeUnit = round.UnitId,
            Kind = NomineeKind.Collective, Name = "Công an huyện Tân Yên", Profile = "tap-the",
        }) with { Documents = [new SubmittedDocument("to-trinh"), new SubmittedDocument("bao-cao")] };
        var kept = new PendingBatch(round, "kept-1", at, at, ["kept-1", "kept-2"]) { Nominee = nominee };
        await dossiers.BeginAsync(kept);
        var first = await dossiers.AddPendingVersionAsync(round, Upload("to-trinh.pdf", "tờ trình", "BG-X-KEPT01", at), kept.BatchId, 0);
        var second = await dossiers.AddPendingVersionAsync(round, Upload("bao-cao.pdf", "báo cáo thành tích", "BG-X-KEPT02", at), kept.BatchId, 1);
        await status.UpdateAsync(round, r => r.WithSubmission(first.Version, at, Timeliness.OnTime, first.ReceiptNumber).WithSubmission(second.Version, at, Timeliness.OnTime, second.ReceiptNumber),
        [
            new UploadAudit(round, "kept-1", at, UploadOutcome.AcceptedOnTime, "Tiếp nhận, đúng hạn.", "to-trinh.pdf", "application/pdf", 1, first.Sha256, first.ReceiptNumber, first.Version),
            new UploadAudit(round, "kept-2", at, UploadOutcome.AcceptedOnTime, "Tiếp nhận, đúng hạn.", "bao-cao.pdf", "application/pdf", 1, second.Sha256, second.ReceiptNumber, second.Version),
        ]);
        Assert.Empty(await dossiers.ListVersionsAsync(stray));
        Assert.Empty(await dossiers.ListVersionsAsync(round));

        // Within the grace both might still be in flight: left alone.
        Assert.Equal(new ReconcileSummary(0, 0), await reconciler.RunAsync());
        Assert.Equal(3, (await BlobNamesAsync(stray.CycleId)).Count(n => !n.StartsWith('.')));

        clock.Advance(services.GetRequiredService<IOptions<StorageOptions>>().Value.PendingGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(new ReconcileSummary(1, 1), await reconciler.RunAsync());

        Assert.Empty(await dossiers.ListVersionsAsync(stray));
        Assert.DoesNotContain(await BlobNamesAsync(stray.CycleId), n => n.Contains(stray.UnitId, StringComparison.Ordinal));
        Assert.Equal([1, 2], (await dossiers.ListVersionsAsync(round)).Select(v => v.Version));
        Assert.Equal("báo cáo thành tích", (await dossiers.DownloadAsync(round, 2))!.Content.ToString());
        var row = Assert.Single(await status.ListNomineesAsync(round.CycleId, round.SubjectId));
        Assert.Equal(("dn-tan-yen", round.UnitId, at), (row.NominationId, row.ProposedBy, row.SubmittedAt));
        Assert.Equal([1, 2], row.Versions);
        Assert.Equal(["to-trinh", "bao-cao"], row.Documents.Select(d => d.DocumentId));
        // Nothing is left to reconcile, and a second run changes nothing.
        Assert.DoesNotContain(await BlobNamesAsync(stray.CycleId), n => n.StartsWith('.'));
        Assert.Equal(new ReconcileSummary(0, 0), await reconciler.RunAsync());
    }

    private async Task<(ServiceProvider Services, SubmissionKey Key)> SetUpAsync(FakeTimeProvider clock)
    {
        var services = fixture.Storage(clock);
        var status = services.GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "huyen-yen-dung", Subject);
        await status.EnsureCycleAsync(key.CycleId, "BG");
        await status.SeedAsync([DeliverableStatus.Pending(key, ReportDeadline, LatePolicy.AcceptAndMarkLate)]);
        return (services, key);
    }

    /// <summary>Every blob of the cycle, pending markers (under ".pending/") included.</summary>
    private async Task<List<string>> BlobNamesAsync(string cycleId)
    {
        var container = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(new StorageOptions { Prefix = fixture.Prefix }.DossierContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            if (blob.Name.StartsWith(cycleId + "/", StringComparison.Ordinal) || blob.Name.StartsWith($".pending/{cycleId}/", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    private static DossierUpload Upload(string name, string content, string receipt, DateTimeOffset at) =>
        new(name, "application/pdf", BinaryData.FromString(content), receipt, at, Late: false);

    private static byte[] Megabyte(int seed)
    {
        var bytes = new byte[1024 * 1024];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
