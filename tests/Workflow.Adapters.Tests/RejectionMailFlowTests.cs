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
            "Công an huyện Lục Nam", "45/KH-BCĐ", "Hồ sơ đề nghị khen thưởng", result.FileName!, result.Deadline!, result.ReceivedAt,
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
}
