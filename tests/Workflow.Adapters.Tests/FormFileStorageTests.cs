using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>A report's filled forms are stored with it, wholly or not at all; a cycle's templates are kept whole under their declared names.</summary>
[Collection(AdapterCollection.Name)]
public sealed class FormFileStorageTests(AdapterFixture fixture)
{
    private const string Subject = "bao-cao";
    private static readonly Deadline ReportDeadline = Deadline.Before(new DateOnly(2024, 5, 1));

    [Fact]
    public async Task AReportWithTwoFilledForms_IsAcceptedTogether_AndTheRowKeepsTheFormsBesideTheCountedReport()
    {
        var (services, key) = await SetUpAsync();
        var acceptance = services.GetRequiredService<UploadAcceptance>();
        var status = services.GetRequiredService<IStatusStore>();
        var dossiers = services.GetRequiredService<IDossierStore>();

        var results = await acceptance.AcceptAsync(
        [
            Request(key, "bao-cao.pdf", "báo cáo") with { StatisticsJson = "{\"forms\":{}}" },
            Request(key, "bieu-mau-3-xa-tan-an.xlsx", "biểu mẫu 3") with { Form = "bieu-mau-3" },
            Request(key, "phu-luc.docx", "phụ lục") with { Form = "phu-luc" },
        ], null);

        Assert.All(results, r => Assert.Equal(UploadOutcome.AcceptedOnTime, r.Outcome));
        Assert.Equal([null, "bieu-mau-3", "phu-luc"], results.Select(r => r.Form));
        Assert.Equal([1, 2, 3], results.Select(r => r.Version!.Value));
        Assert.Equal(3, results.Select(r => r.ReceiptNumber).Distinct(StringComparer.Ordinal).Count());
        var row = (await status.GetAsync(key))!;
        Assert.Equal((SubmissionState.Submitted, 1, results[0].ReceiptNumber, 3), (row.State, row.CountedVersion, row.CountedReceipt, row.LatestVersion));
        Assert.Equal([new FormFileVersion("bieu-mau-3", 2), new FormFileVersion("phu-luc", 3)], row.FormFiles);
        Assert.Equal("{\"forms\":{}}", row.StatisticsJson);
        Assert.Equal([null, "bieu-mau-3", "phu-luc"], (await status.ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId)).OrderBy(a => a.Version).Select(a => a.Form));
        var versions = await dossiers.ListVersionsAsync(key);
        Assert.Equal([(1, (string?)null), (2, "bieu-mau-3"), (3, "phu-luc")], versions.Select(v => (v.Version, v.Form)));
        Assert.Equal("biểu mẫu 3", (await dossiers.DownloadAsync(key, 2))!.Content.ToString());

        // A later report counts alone with its own forms; the earlier ones stay stored.
        var again = await acceptance.AcceptAsync(
            [Request(key, "bao-cao-2.pdf", "báo cáo lần 2"), Request(key, "bieu-mau-3.xlsx", "biểu mẫu 3 lần 2") with { Form = "bieu-mau-3" }], null);
        row = (await status.GetAsync(key))!;
        Assert.Equal((4, 5), (row.CountedVersion, row.LatestVersion));
        Assert.Equal([new FormFileVersion("bieu-mau-3", 5)], row.FormFiles);
        Assert.Equal(5, (await dossiers.ListVersionsAsync(key)).Count);
        Assert.Equal([4, 5], again.Select(r => r.Version!.Value));
    }

    [Fact]
    public async Task AStatusRowStorageRefuses_LeavesNeitherTheReportNorItsForms()
    {
        var (services, key) = await SetUpAsync();
        var acceptance = services.GetRequiredService<UploadAcceptance>();
        var huge = $"{{\"forms\":{{\"f\":{{\"ghi-chu\":{{\"text\":\"{new string('x', 1_500_000)}\"}}}}}}}}";

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => acceptance.AcceptAsync(
            [Request(key, "bao-cao.pdf", "báo cáo") with { StatisticsJson = huge }, Request(key, "bieu-mau-3.xlsx", "biểu mẫu 3") with { Form = "bieu-mau-3" }], null));

        Assert.Empty(await services.GetRequiredService<IDossierStore>().ListVersionsAsync(key));
        var container = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(new StorageOptions { Prefix = fixture.Prefix }.DossierContainer);
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = key.CycleId + "/" }))
        {
            Assert.Fail($"Nothing of a refused submission may stay stored, found {blob.Name}.");
        }

        var row = (await services.GetRequiredService<IStatusStore>().GetAsync(key))!;
        Assert.Equal((SubmissionState.Pending, 0), (row.State, row.LatestVersion));
        Assert.Empty(row.FormFiles);
        Assert.Empty(await services.GetRequiredService<IStatusStore>().ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId));
    }

    [Fact]
    public async Task FilledFormsWithoutAReport_AreNotASubmission()
    {
        var (services, key) = await SetUpAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<UploadAcceptance>().AcceptAsync(
            [Request(key, "bieu-mau-3.xlsx", "biểu mẫu 3") with { Form = "bieu-mau-3" }], null));
    }

    [Fact]
    public async Task Templates_AreKeptWholeUnderTheirDeclaredNames_ReplacedInOneWrite_AndListedPerCycle()
    {
        var services = fixture.Storage(Clock.AtVietnam(2024, 3, 11, 9));
        var templates = services.GetRequiredService<ITemplateStore>();
        var cycle = AdapterFixture.NewCycleId();
        const string Name = "Biểu mẫu 3 – cấp xã.xlsx";

        Assert.Null(await templates.GetAsync(cycle, Name));
        Assert.Empty(await templates.ListAsync(cycle));

        var first = await templates.PutAsync(cycle, Name, BinaryData.FromString("mẫu cũ"), Clock.Vietnam(2024, 3, 11, 9));
        var replaced = await templates.PutAsync(cycle, Name, BinaryData.FromString("mẫu mới hơn"), Clock.Vietnam(2024, 3, 12, 9));
        await templates.PutAsync(cycle, "phu-luc.docx", BinaryData.FromString("phụ lục"), Clock.Vietnam(2024, 3, 12, 9));
        await templates.PutAsync(AdapterFixture.NewCycleId(), Name, BinaryData.FromString("chu kỳ khác"), Clock.Vietnam(2024, 3, 12, 9));

        var found = (await templates.GetAsync(cycle, Name))!;
        Assert.Equal("mẫu mới hơn", found.Content.ToString());
        Assert.Equal(replaced, found.Info);
        Assert.NotEqual(first.Sha256, replaced.Sha256);
        Assert.Equal((Name, (long)Encoding.UTF8.GetByteCount("mẫu mới hơn"), Clock.Vietnam(2024, 3, 12, 9)), (found.Info.FileName, found.Info.Size, found.Info.AttachedAt));
        Assert.Equal([Name, "phu-luc.docx"], (await templates.ListAsync(cycle)).Select(t => t.FileName).Order(StringComparer.Ordinal));
        Assert.Null(await templates.GetAsync(cycle, "bieu-mau-3.xlsx"));
    }

    private async Task<(ServiceProvider Services, SubmissionKey Key)> SetUpAsync()
    {
        var services = fixture.Storage(Clock.AtVietnam(2024, 4, 20, 9));
        var status = services.GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "xa-tan-an", Subject);
        await status.EnsureCycleAsync(key.CycleId, "BG");
        await status.SeedAsync([DeliverableStatus.Pending(key, ReportDeadline, LatePolicy.AcceptAndMarkLate)]);
        return (services, key);
    }

    private static UploadRequest Request(SubmissionKey key, string name, string content) =>
        new(key, name, "application/octet-stream", new MemoryStream(Encoding.UTF8.GetBytes(content)));
}
