using Workflow.Application;
using Workflow.Email;
using Workflow.Email.Templates;
using Workflow.Storage;

namespace Workflow.Benchmarks.PerUnit;

/// <summary>
/// The old design's per-unit mail: read the unit's status row and, unless it has handed in, send one mail in its own
/// SendGrid request through the product's <see cref="IMailer"/> (same ledger, same message keys, same templates).
/// </summary>
internal sealed class UnitMailActivity(IPlanStore plans, IStatusStore status, IMailer mailer, UnitLinks links) : TaskActivity<UnitMail, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, UnitMail input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await plans.GetAsync(input.CycleId) ?? throw new InvalidOperationException($"Cycle '{input.CycleId}' has no plan.");
        var unit = plan.Units.First(u => u.Id == input.UnitId);
        var deliverable = plan.Deliverables[0];
        var link = links.Link(plan, input.CycleId, unit.Id);
        MailContent content;
        string key;
        if (input.Point is not { } point)
        {
            content = MailTemplates.PlanNotice(new PlanNoticeMail(unit.Name, plan.Number, plan.IssuedOn, plan.Issuer, plan.Title, [new DeliverableDeadline(deliverable.Title, deliverable.Deadline)], link));
            key = MessageKeys.PlanNotice(input.CycleId, unit.Id);
        }
        else
        {
            var row = await status.GetAsync(new SubmissionKey(input.CycleId, unit.Id, point.Subject));
            if (row is { State: SubmissionState.Submitted })
            {
                return false;
            }

            content = point.Kind == ScheduledPointKind.Reminder
                ? MailTemplates.Reminder(new ReminderMail(unit.Name, plan.Number, deliverable.Title, deliverable.Deadline, point.Sequence, link))
                : MailTemplates.Chase(new ChaseMail(unit.Name, plan.Number, deliverable.Title, deliverable.Deadline, point.Sequence, input.At, link));
            key = MessageKeys.For(input.CycleId, unit.Id, point.Subject, point.Key);
        }

        var result = await mailer.SendAsync(new OutgoingMail(key, [.. unit.Emails.Select(e => new Recipient(e, unit.Name))], MailTemplates.Rehearsal(content)));
        return result.Outcome is MailSendOutcome.Sent or MailSendOutcome.AlreadySent;
    }
}
