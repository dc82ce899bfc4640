using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Plans;
using Workflow.Email;
using Workflow.Email.Templates;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>The boundary's rejection carries everything the rejection e-mail quotes, and the e-mail goes out once.</summary>
[Collection(AdapterCollection.Name)]
public sealed class RejectionMailFlowTests(AdapterFixture fixture)
{
    [Fact]
    public async Task LateNomination_IsRejectedAndTheRejectionMailIsSentOnce()
    {
        var clock = Clock.AtVietnam(2024, 4, 1);
        var storage = fixture.Storage(clock);
        var status = storage.GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "cong-an-huyen-luc-nam", "khen-thuong");
        await status.SeedAsync([DeliverableStatus.Pending(key, Deadline.Before(new DateOnly(2024, 4, 1)), LatePolicy.Reject)]);
        var mailer = fixture.Email(clock).GetRequiredService<IMailer>();

        var result = await storage.GetRequiredService<UploadAcceptance>()
            .AcceptAsync(new UploadRequest(key, "Tờ trình.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF"))));
        var content = MailTemplates.Rejection(new RejectionMail(
            "Công an huyện Lục Nam", "45/KH-BCĐ", "Hồ sơ đề nghị khen thưởng", result.FileNames, result.Deadline!, result.ReceivedAt,
            UploadLink.For("http://127.0.0.1:5080", "tok-luc-nam")));
        var mail = new OutgoingMail(MessageKeys.Rejection(key.CycleId, key.UnitId, key.SubjectId, result.AttemptId), [new("vanthu@lucnam.bacgiang.gov.vn")], content);
        var sent = await mailer.SendAsync(mail);
        var retried = await mailer.SendAsync(mail);

        Assert.Equal(UploadOutcome.RejectedLate, result.Outcome);
        Assert.Equal((MailSendOutcome.Sent, MailSendOutcome.AlreadySent), (sent.Outcome, retried.Outcome));
        var recorded = Assert.Single(fixture.Sink.Accepted, m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == mail.Key);
        Assert.Contains("Thời điểm tệp đến máy chủ: 00:00:00 01/04/2024", recorded.Text!.Split('\n'));
        Assert.Contains("Thời điểm cuối cùng được nhận: 23:59:59 31/03/2024", recorded.Text!.Split('\n'));
        Assert.Contains("Thời hạn: trước ngày 01/04/2024", recorded.Text!.Split('\n'));
    }

    [Fact]
    public async Task LateDossier_IsRefusedAsOneAttempt_AndItsMailNamesEveryFileInOrder()
    {
        var clock = Clock.AtVietnam(2024, 4, 1, 8);
        var storage = fixture.Storage(clock);
        var status = storage.GetRequiredService<IStatusStore>();
        var key = new SubmissionKey(AdapterFixture.NewCycleId(), "bcd-lang-giang", "giay-khen-giam-doc");
        await status.SeedAsync([DeliverableStatus.Pending(key, Deadline.Before(new DateOnly(2024, 4, 1)), LatePolicy.Reject)]);
        string[] names = ["to-trinh.pdf", "bao-cao-thanh-tich.pdf", "bien-ban-hop-xet.pdf", "tom-tat-thanh-tich.pdf"];

        var results = await storage.GetRequiredService<UploadAcceptance>().AcceptAsync(
            [.. names.Select(n => new UploadRequest(key, n, "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.7 {n}\n%%EOF"))))], nominee: null);

        // One refusal for the whole dossier (counted once), carrying every file's name; the audit row keeps them for the outbox.
        var result = Assert.Single(results);
        Assert.Equal(UploadOutcome.RejectedLate, result.Outcome);
        Assert.Equal(names, result.FileNames);
        var audit = Assert.Single(await status.ListAuditAsync(key.CycleId, key.SubjectId, key.UnitId));
        Assert.Equal(names, audit.FileNames);

        var content = MailTemplates.Rejection(new RejectionMail(
            "Ban Chỉ đạo huyện Lạng Giang", "45/KH-BCĐ", "Giấy khen của Giám đốc Công an tỉnh", audit.FileNames, result.Deadline!, result.ReceivedAt,
            UploadLink.For("http://127.0.0.1:5080", "tok-lang-giang")));
        var mail = new OutgoingMail(MessageKeys.Rejection(key.CycleId, key.UnitId, key.SubjectId, result.AttemptId), [new("vanphong@langgiang.bacgiang.example")], content);
        Assert.Equal(MailSendOutcome.Sent, (await fixture.Email(clock).GetRequiredService<IMailer>().SendAsync(mail)).Outcome);

        var lines = Assert.Single(fixture.Sink.Accepted, m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == mail.Key).Text!.Split('\n');
        var first = Array.IndexOf(lines, "Hệ thống không tiếp nhận hồ sơ gồm 4 tệp (Giấy khen của Giám đốc Công an tỉnh, Kế hoạch số 45/KH-BCĐ) vì đã quá thời hạn:");
        Assert.True(first >= 0, string.Join('\n', lines));
        Assert.Equal(names.Select((n, i) => $"{i + 1}. «{n}»"), lines[(first + 1)..(first + 1 + names.Length)]);
    }
}
