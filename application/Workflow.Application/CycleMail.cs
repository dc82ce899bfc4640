using Workflow.Email.Templates;

namespace Workflow.Application;

/// <summary>Composes the cycle's e-mails from the plan and sends each exactly once under its message key.</summary>
public sealed class CycleMail(IMailer mailer, UnitLinks links, TimeProvider time)
{
    public async Task<bool> SendPlanNoticeAsync(Plan plan, string cycleId, Unit unit, CancellationToken cancellationToken = default)
    {
        var items = PlanLookup.Tasks(plan, unit).Select(t => new DeliverableDeadline(t.Title, t.Deadline)).ToList();
        if (items.Count == 0 || unit.Emails.Count == 0)
        {
            return false;
        }

        var content = MailTemplates.PlanNotice(new PlanNoticeMail(unit.Name, plan.Number, plan.IssuedOn, plan.Issuer, plan.Title, items, links.Link(plan, cycleId, unit.Id)));
        return await SendAsync(new OutgoingMail(MessageKeys.PlanNotice(cycleId, unit.Id), PlanLookup.Recipients(unit), content), cancellationToken);
    }

    /// <summary>A reminder, chase or escalation for one schedule point; an escalation also goes to the supervising member.</summary>
    public async Task<bool> SendReminderAsync(Plan plan, ReminderRequest request, DeliverableStatus status, CancellationToken cancellationToken = default)
    {
        var unit = PlanLookup.Unit(plan, request.UnitId);
        var title = PlanLookup.SubjectTitle(plan, request.Subject);
        var link = links.Link(plan, request.CycleId, unit.Id);
        var now = time.GetUtcNow();
        var content = request.Kind == ScheduledPointKind.Reminder
            ? MailTemplates.Reminder(new ReminderMail(unit.Name, plan.Number, title, status.Deadline, request.Sequence, link))
            : MailTemplates.Chase(new ChaseMail(unit.Name, plan.Number, title, status.Deadline, request.Sequence, now, link));
        var key = MessageKeys.For(request.CycleId, unit.Id, request.Subject, request.PointKey);
        var sent = await SendAsync(new OutgoingMail(key, PlanLookup.Recipients(unit), content), cancellationToken);
        if (request.Kind == ScheduledPointKind.Escalation && plan.Members.FirstOrDefault(m => m.Id == unit.Supervisor) is { } member)
        {
            var escalation = MailTemplates.Escalation(new EscalationMail(member.Name, unit.Name, plan.Number, title, status.Deadline, request.Sequence, now, link));
            await SendAsync(new OutgoingMail($"{key}:escalation", [new Recipient(member.Email, member.Name)], escalation) { Cc = PlanLookup.Recipients(unit) }, cancellationToken);
        }

        return sent;
    }

    public Task<bool> SendReceiptAsync(Plan plan, UploadResult result, CancellationToken cancellationToken = default)
    {
        var unit = PlanLookup.Unit(plan, result.Key.UnitId);
        var content = MailTemplates.Receipt(new ReceiptMail(
            unit.Name, plan.Number, PlanLookup.SubjectTitle(plan, result.Key.SubjectId), result.ReceiptNumber!, result.ReceivedAt, result.FileName ?? "",
            result.Size, result.Sha256, result.Version ?? 0, result.Outcome == UploadOutcome.AcceptedLate, result.Deadline!, links.Link(plan, result.Key.CycleId, unit.Id)));
        return SendAsync(new OutgoingMail(MessageKeys.Receipt(result.Key.CycleId, result.ReceiptNumber!), PlanLookup.Recipients(unit), content), cancellationToken);
    }

    public Task<bool> SendRejectionAsync(Plan plan, UploadResult result, CancellationToken cancellationToken = default)
    {
        var unit = PlanLookup.Unit(plan, result.Key.UnitId);
        var content = MailTemplates.Rejection(new RejectionMail(
            unit.Name, plan.Number, PlanLookup.SubjectTitle(plan, result.Key.SubjectId), result.FileName ?? "", result.Deadline!, result.ReceivedAt,
            links.Link(plan, result.Key.CycleId, unit.Id)));
        var key = MessageKeys.Rejection(result.Key.CycleId, unit.Id, result.Key.SubjectId, result.AttemptId);
        return SendAsync(new OutgoingMail(key, PlanLookup.Recipients(unit), content), cancellationToken);
    }

    private async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (mail.To.Count == 0)
        {
            return false;
        }

        var result = await mailer.SendAsync(mail, cancellationToken);
        return result.Outcome is MailSendOutcome.Sent or MailSendOutcome.AlreadySent;
    }
}
