using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

[Collection(AdapterCollection.Name)]
public sealed class UploadAcceptanceTests(AdapterFixture fixture)
{
    private static readonly Deadline NominationDeadline = Deadline.Before(new DateOnly(2024, 4, 1));
    private static readonly Deadline ReportDeadline = Deadline.Before(new DateOnly(2024, 5, 1));

    [Fact]
    public async Task Nomination_AtLastSecondBeforeDeadline_IsAcceptedWithReceipt()
    {
        var (acceptance, status, dossiers, key, _) = await SetUp("khen-thuong", NominationDeadline, LatePolicy.Reject, Clock.AtVietnam(2024, 3, 31, 23, 59, 59));

        var result = await acceptance.AcceptAsync(Upload(key, "ho-so.pdf", "hồ sơ đề nghị khen thưởng"));

        Assert.Equal(UploadOutcome.AcceptedOnTime, result.Outcome);
        Assert.Matches("^BG-2024-[0-9A-Z]{4}-[0-9A-Z]{6}$", result.ReceiptNumber);
        Assert.Equal(1, result.Version);
        Assert.Equal("23:59:59 31/03/2024", VietnamTime.FormatDateTime(result.ReceivedAt));
        var row = await status.GetAsync(key);
        Assert.Equal(SubmissionState.Submitted, row!.State);
        Assert.False(row.Late);
        Assert.Equal(1, row.CountedVersion);
        Assert.Equal(result.ReceiptNumber, row.CountedReceipt);
        var stored = await dossiers.DownloadAsync(key, 1);
        Assert.Equal("hồ sơ đề nghị khen thưởng", stored!.Content.ToString());
        var audit = Assert.Single(await status.ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId));
        Assert.Equal(UploadOutcome.AcceptedOnTime, audit.Outcome);
        Assert.Equal(result.ReceiptNumber, audit.ReceiptNumber);
        Assert.Equal(result.Sha256, audit.Sha256);
    }

    [Fact]
    public async Task Nomination_AtDeadlineInstant_IsRejectedAuditedAndNothingStored()
    {
        var (acceptance, status, dossiers, key, _) = await SetUp("khen-thuong", NominationDeadline, LatePolicy.Reject, Clock.AtVietnam(2024, 4, 1));

        var result = await acceptance.AcceptAsync(Upload(key, "ho-so.pdf", "muộn"));

        Assert.Equal(UploadOutcome.RejectedLate, result.Outcome);
        Assert.False(result.Accepted);
        Assert.Null(result.ReceiptNumber);
        Assert.Equal("trước ngày 01/04/2024", result.Deadline!.Describe());
        Assert.Equal("23:59:59 31/03/2024", VietnamTime.FormatDateTime(result.LastAcceptedInstant!.Value));
        Assert.Equal("00:00:00 01/04/2024", VietnamTime.FormatDateTime(result.ReceivedAt));
        // The boundary agrees with the domain's evaluator at the exact instant.
        Assert.Equal(Timeliness.Late, DeadlineEvaluator.Vietnam.Evaluate(NominationDeadline, result.ReceivedAt));

        var audit = Assert.Single(await status.ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId));
        Assert.Equal(UploadOutcome.RejectedLate, audit.Outcome);
        Assert.Contains("00:00:00 01/04/2024", audit.Reason, StringComparison.Ordinal);
        Assert.Contains("trước ngày 01/04/2024", audit.Reason, StringComparison.Ordinal);
        Assert.Equal(result.ReceivedAt, audit.ReceivedAt);
        Assert.Equal(Encoding.UTF8.GetByteCount("muộn"), audit.Size);

        Assert.Empty(await dossiers.ListVersionsAsync(key));
        var container = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(new StorageOptions { Prefix = fixture.Prefix }.DossierContainer);
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = key.CycleId + "/" }))
        {
            Assert.Fail($"Nothing may be stored for a rejected file, found {blob.Name}.");
        }

        Assert.Equal(SubmissionState.Pending, (await status.GetAsync(key))!.State);
    }

    [Fact]
    public async Task Report_AfterDeadline_IsAcceptedAndMarkedLate()
    {
        var (acceptance, status, dossiers, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 5, 1));

        var result = await acceptance.AcceptAsync(Upload(key, "bao-cao.docx", "báo cáo"));

        Assert.Equal(UploadOutcome.AcceptedLate, result.Outcome);
        var row = await status.GetAsync(key);
        Assert.True(row!.Late);
        Assert.Equal(SubmissionState.Submitted, row.State);
        Assert.True((await dossiers.ListVersionsAsync(key)).Single().Late);
    }

    [Fact]
    public async Task LateResubmission_AfterAnOnTimeOne_KeepsTheOnTimeVersionCounting()
    {
        var (acceptance, status, dossiers, key, clock) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20, 9));

        var first = await acceptance.AcceptAsync(Upload(key, "bao-cao.pdf", "bản 1"));
        clock.Advance(TimeSpan.FromDays(2));
        var second = await acceptance.AcceptAsync(Upload(key, "bao-cao.pdf", "bản 2"));
        clock.SetUtcNow(Clock.Vietnam(2024, 5, 2, 10));
        var late = await acceptance.AcceptAsync(Upload(key, "bao-cao.pdf", "bản 3, muộn"));

        Assert.Equal([1, 2, 3], new[] { first.Version, second.Version, late.Version });
        Assert.Equal(UploadOutcome.AcceptedLate, late.Outcome);
        var row = await status.GetAsync(key);
        Assert.False(row!.Late);
        Assert.Equal(2, row.CountedVersion);
        Assert.Equal(second.ReceiptNumber, row.CountedReceipt);
        Assert.Equal(second.ReceivedAt, row.SubmittedAt);
        Assert.Equal(3, row.LatestVersion);
        var versions = await dossiers.ListVersionsAsync(key);
        Assert.Equal(["bản 1", "bản 2", "bản 3, muộn"], await Task.WhenAll(versions.Select(async v => (await dossiers.DownloadAsync(key, v.Version))!.Content.ToString())));
        Assert.Equal(3, (await status.ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId)).Count);
    }

    [Fact]
    public async Task Extension_ForOneUnit_MovesItsBoundary()
    {
        var (acceptance, status, _, key, _) = await SetUp("khen-thuong", NominationDeadline, LatePolicy.Reject, Clock.AtVietnam(2024, 4, 3, 10));
        var extended = Deadline.Before(new DateOnly(2024, 4, 6));
        await status.UpdateAsync(key, s => s.WithDeadline(extended));

        var result = await acceptance.AcceptAsync(Upload(key, "ho-so.pdf", "gia hạn"));

        Assert.Equal(UploadOutcome.AcceptedOnTime, result.Outcome);
        Assert.Equal(DeadlineEvaluator.Vietnam.Cutoff(extended), (await status.GetAsync(key))!.Cutoff);
    }

    [Fact]
    public async Task EmptyFile_IsRejectedWithAMessageNamingTheField()
    {
        var (acceptance, status, dossiers, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20));

        var result = await acceptance.AcceptAsync(Upload(key, "bao-cao.pdf", ""));

        Assert.Equal(UploadOutcome.RejectedInvalid, result.Outcome);
        Assert.Equal("Trường «Tệp đính kèm» (file): tệp rỗng (0 byte), không có nội dung.", Assert.Single(result.Errors));
        Assert.Equal(UploadOutcome.RejectedInvalid, Assert.Single(await status.ListAuditAsync(key.CycleId, key.SubjectId)).Outcome);
        Assert.Empty(await dossiers.ListVersionsAsync(key));
    }

    [Fact]
    public async Task MissingFileNameAndWrongType_AreRejectedNamingTheField()
    {
        var (acceptance, _, _, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20));

        var noName = await acceptance.AcceptAsync(Upload(key, "  ", "x"));
        var onlyPath = await acceptance.AcceptAsync(Upload(key, "C:\\tmp\\", "x"));
        var exe = await acceptance.AcceptAsync(Upload(key, "virus.exe", "x"));

        Assert.Equal("Trường «Tên tệp» (fileName): chưa có tên tệp.", Assert.Single(noName.Errors));
        Assert.StartsWith("Trường «Tên tệp» (fileName): tên tệp không hợp lệ", Assert.Single(onlyPath.Errors), StringComparison.Ordinal);
        Assert.StartsWith("Trường «Tên tệp» (fileName): định dạng «.exe» không được chấp nhận", Assert.Single(exe.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileNameWithPathAndFormatCharacters_IsStoredSanitised()
    {
        var (acceptance, _, dossiers, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20));

        var result = await acceptance.AcceptAsync(Upload(key, "C:\\tmp/Báo cáo tổng\u202E kết.pdf", "nội dung"));

        Assert.Equal(UploadOutcome.AcceptedOnTime, result.Outcome);
        Assert.Equal("Báo cáo tổng kết.pdf", result.FileName);
        Assert.Equal("Báo cáo tổng kết.pdf", (await dossiers.DownloadAsync(key, 1))!.Version.FileName);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "đường dẫn «..»")]
    [InlineData("bao-cao\u0007.pdf", "ký tự điều khiển")]
    [InlineData("bao-cao%00.exe.pdf", "ký tự điều khiển")]
    public async Task ForgedFileName_IsRefusedAndNothingIsStored(string fileName, string reason)
    {
        var (acceptance, status, dossiers, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20));

        var result = await acceptance.AcceptAsync(Upload(key, fileName, "nội dung"));

        Assert.Equal(UploadOutcome.RejectedInvalid, result.Outcome);
        Assert.Contains(reason, Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Empty(await dossiers.ListVersionsAsync(key));
        Assert.Equal(SubmissionState.Pending, (await status.GetAsync(key))!.State);
    }

    [Fact]
    public async Task UnitWithoutAStatusRow_IsRejectedAndAudited()
    {
        var (acceptance, status, _, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20));
        var stranger = new SubmissionKey(key.CycleId, "don-vi-la", key.SubjectId);

        var result = await acceptance.AcceptAsync(Upload(stranger, "a.pdf", "x"));

        Assert.Equal(UploadOutcome.RejectedInvalid, result.Outcome);
        Assert.Contains("không có yêu cầu nộp", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Single(await status.ListAuditAsync(key.CycleId, key.SubjectId, "don-vi-la"));
    }

    [Fact]
    public async Task ReceiptNumbers_UnderConcurrency_AreUnique_AndCarryEachCyclesOwnPrefix()
    {
        var (_, status, _, key, _) = await SetUp("bao-cao", ReportDeadline, LatePolicy.AcceptAndMarkLate, Clock.AtVietnam(2024, 4, 20));
        var other = new SubmissionKey(AdapterFixture.NewCycleId(), key.UnitId, key.SubjectId);
        var otherPrefix = await status.EnsureCycleAsync(other.CycleId, "BG-2024");

        var numbers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => status.NextReceiptNumberAsync(key, $"a{i}")));
        var others = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => status.NextReceiptNumberAsync(other, $"b{i}")));

        Assert.Equal(numbers.Length, numbers.Distinct(StringComparer.Ordinal).Count());
        var prefix = await status.EnsureCycleAsync(key.CycleId, "khác");
        Assert.Matches("^BG-2024-[0-9A-Z]{4}$", prefix);
        Assert.All(numbers, n => Assert.StartsWith(prefix + "-", n, StringComparison.Ordinal));
        // The same configured prefix, another cycle: another series, so no receipt number repeats across cycles.
        Assert.NotEqual(prefix, otherPrefix);
        Assert.All(others, n => Assert.StartsWith(otherPrefix + "-", n, StringComparison.Ordinal));
        Assert.Empty(numbers.Intersect(others, StringComparer.Ordinal));
    }

    private async Task<(UploadAcceptance Acceptance, IStatusStore Status, IDossierStore Dossiers, SubmissionKey Key, FakeTimeProvider Clock)> SetUp(
        string subject, Deadline deadline, LatePolicy policy, FakeTimeProvider clock)
    {
        var services = fixture.Storage(clock);
        var status = services.GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "huyen-yen-dung", subject);
        await status.EnsureCycleAsync(key.CycleId, "BG-2024");
        await status.SeedAsync([DeliverableStatus.Pending(key, deadline, policy)]);
        return (services.GetRequiredService<UploadAcceptance>(), status, services.GetRequiredService<IDossierStore>(), key, clock);
    }

    private static UploadRequest Upload(SubmissionKey key, string fileName, string content) =>
        new(key, fileName, "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes(content)));
}
