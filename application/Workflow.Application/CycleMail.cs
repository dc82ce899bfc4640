using Workflow.Email.Templates;

namespace Workflow.Application;

/// <summary>Composes the cycle's e-mails from the plan and sends each exactly once under its message key (through the outbox: a send SendGrid cannot take now is queued, not thrown).</summary>
public sealed class CycleMail(IMailer mailer, UnitLinks links, ITemplateStore templates, Microsoft.Extensions.Options.IOptions<CycleOptions> options)
{
    /// <summary>
    /// The plan notice to a batch of units, one provider request per distinct list of tasks and forms; each unit keeps its
    /// own link and its own message key. Each form's template files are listed with a download link, or said not to be
    /// attached yet (never a link that would fail). Units with nothing to hand in or no address get nothing. Returns the
    /// mails sent (now or before).
    /// </summary>
    public async Task<int> SendPlanNoticesAsync(Plan plan, string cycleId, IReadOnlyList<Unit> units, bool rehearsal, CancellationToken cancellationToken = default)
    {
        var attached = PlanTemplates.Declared(plan).Count == 0
            ? []
            : (await templates.ListAsync(cycleId, cancellationToken)).Select(t => t.FileName).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        foreach (var group in units.Where(u => u.Emails.Count > 0).GroupBy(u => NoticeShape(plan, u), StringComparer.Ordinal))
        {
            var items = NoticeItems(plan, group.First(), attached);
            if (items.Count == 0)
            {
                continue;
            }

            var template = MailPersonalization.Template((unit, _, link) =>
                MailTemplates.PlanNotice(new PlanNoticeMail(unit, plan.Number, plan.IssuedOn, plan.Issuer, plan.Title, items, link)));
            // The token travels as its own substitution only where a template link needs it.
            var linked = items.Any(i => i.Templates.Any(t => t.Url is not null));
            var recipients = group.Select(u => new BatchRecipient(
                MessageKeys.PlanNotice(cycleId, u.Id), PlanLookup.Recipients(u),
                MailPersonalization.Values(u.Name, links.Link(plan, cycleId, u.Id), token: linked ? links.Token(plan, cycleId, u.Id) : null))).ToList();
            sent += await SendBatchAsync(new MailBatch(Marked(template, rehearsal), recipients), cancellationToken);
        }

        return sent;
    }

    /// <summary>Units with the same tasks and the same forms' templates get the same notice.</summary>
    private static string NoticeShape(Plan plan, Unit unit) =>
        string.Join("\n", PlanLookup.Tasks(plan, unit).Select(t => t.Id)) + "\n" + string.Join("\n", PlanTemplates.For(plan, unit).Select(t => $"{t.Deliverable.Id}/{t.Form.Id}/{t.Template.File}"));

    /// <summary>The unit's tasks with their deadlines and the templates of the forms it fills; links carry the unit's token as a substitution tag.</summary>
    private List<DeliverableDeadline> NoticeItems(Plan plan, Unit unit, HashSet<string> attached)
    {
        var declared = PlanTemplates.For(plan, unit);
        return [.. PlanLookup.Tasks(plan, unit).Select(t => new DeliverableDeadline(t.Title, t.Deadline)
        {
            Templates =
            [
                .. declared.Where(d => !t.IsNominationRound && d.Deliverable.Id == t.Id).Select(d => new TemplateLink(
                    d.Form.Title, d.Template.Title, d.Template.File, attached.Contains(d.Template.File) ? links.TemplateUrl(d.Template.File, MailPersonalization.TokenTag) : null)),
            ],
        })];
    }

    /// <summary>
    /// A reminder, chase or escalation at one schedule point to the units of one deadline group that still owe, in one
    /// batch; an escalation also goes to each unit's supervising member, copied to the unit. Returns the units mailed.
    /// </summary>
    public async Task<int> SendPointAsync(
        Plan plan, PointBatch point, IReadOnlyList<DeliverableStatus> owing, DateTimeOffset now, bool rehearsal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        var title = PlanLookup.SubjectTitle(plan, point.Subject);
        var units = owing.Select(row => (Row: row, Unit: PlanLookup.Unit(plan, row.UnitId))).Where(x => x.Unit.Emails.Count > 0).ToList();
        var sent = 0;
        foreach (var group in units.GroupBy(x => x.Row.Deadline))
        {
            var deadline = group.Key;
            var template = MailPersonalization.Template((unit, _, link) => point.Kind == ScheduledPointKind.Reminder
                ? MailTemplates.Reminder(new ReminderMail(unit, plan.Number, title, deadline, point.Sequence, link))
                : MailTemplates.Chase(new ChaseMail(unit, plan.Number, title, deadline, point.Sequence, now, link)));
            var recipients = group.Select(x => new BatchRecipient(
                MessageKeys.For(point.CycleId, x.Unit.Id, point.Subject, point.PointKey), PlanLookup.Recipients(x.Unit), MailPersonalization.Values(x.Unit.Name, links.Link(plan, point.CycleId, x.Unit.Id)))).ToList();
            sent += await SendBatchAsync(new MailBatch(Marked(template, rehearsal), recipients), cancellationToken);

            if (point.Kind != ScheduledPointKind.Escalation)
            {
                continue;
            }

            var members = plan.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
            var escalation = MailPersonalization.Template((unit, member, link) =>
                MailTemplates.Escalation(new EscalationMail(member, unit, plan.Number, title, deadline, point.Sequence, now, link)));
            var supervisors = group
                .Where(x => x.Unit.Supervisor is { } id && members.ContainsKey(id))
                .Select(x => (x.Unit, Member: members[x.Unit.Supervisor!]))
                .Select(x => new BatchRecipient(
                    $"{MessageKeys.For(point.CycleId, x.Unit.Id, point.Subject, point.PointKey)}:escalation",
                    [new Recipient(x.Member.Email, x.Member.Name)],
                    MailPersonalization.Values(x.Unit.Name, links.Link(plan, point.CycleId, x.Unit.Id), x.Member.Name)) { Cc = PlanLookup.Recipients(x.Unit) })
                .ToList();
            await SendBatchAsync(new MailBatch(Marked(escalation, rehearsal), supervisors), cancellationToken);
        }

        return sent;
    }

    public Task<bool> SendReceiptAsync(Plan plan, UploadResult result, bool rehearsal = false, CancellationToken cancellationToken = default)
    {
        var unit = PlanLookup.Unit(plan, result.Key.UnitId);
        var content = MailTemplates.Receipt(new ReceiptMail(
            unit.Name, plan.Number, PlanLookup.SubjectTitle(plan, result.Key.SubjectId), result.ReceiptNumber!, result.ReceivedAt, result.FileName ?? "",
            result.Size, result.Sha256, result.Version ?? 0, result.Outcome == UploadOutcome.AcceptedLate, result.Deadline!, links.Link(plan, result.Key.CycleId, unit.Id)));
        return SendAsync(new OutgoingMail(MessageKeys.Receipt(result.Key.CycleId, result.ReceiptNumber!), PlanLookup.Recipients(unit), Marked(content, rehearsal)), cancellationToken);
    }

    /// <summary>
    /// One receipt for a report and the filled files of its file-only forms, accepted together: keyed by the report's
    /// receipt number, it names every file with its form ("Biểu mẫu 3: bieu-mau-3-xa-tan-an.xlsx").
    /// </summary>
    public Task<bool> SendReceiptAsync(Plan plan, IReadOnlyList<UploadResult> files, bool rehearsal = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var report = files.FirstOrDefault(f => f.Form is null) ?? files[0];
        var unit = PlanLookup.Unit(plan, report.Key.UnitId);
        var forms = plan.AllDeliverables().FirstOrDefault(d => d.Id == report.Key.SubjectId)?.Forms ?? [];
        var order = forms.Select(f => f.Id).ToList();
        var lines = files
            .OrderBy(f => f.Form is null ? -1 : order.IndexOf(f.Form))
            .Select(f => new ReceiptFile(f.Form is null ? "Báo cáo" : forms.FirstOrDefault(x => x.Id == f.Form)?.Title ?? f.Form, f.FileName ?? "", f.Size, f.Sha256, f.ReceiptNumber!))
            .ToList();
        var content = MailTemplates.Receipt(new ReceiptMail(
            unit.Name, plan.Number, PlanLookup.SubjectTitle(plan, report.Key.SubjectId), report.ReceiptNumber!, report.ReceivedAt, report.FileName ?? "",
            report.Size, report.Sha256, report.Version ?? 0, report.Outcome == UploadOutcome.AcceptedLate, report.Deadline!, links.Link(plan, report.Key.CycleId, unit.Id))
        {
            Files = lines,
        });
        return SendAsync(new OutgoingMail(MessageKeys.Receipt(report.Key.CycleId, report.ReceiptNumber!), PlanLookup.Recipients(unit), Marked(content, rehearsal)), cancellationToken);
    }

    public Task<bool> SendRejectionAsync(Plan plan, UploadResult result, bool rehearsal = false, CancellationToken cancellationToken = default)
    {
        var unit = PlanLookup.Unit(plan, result.Key.UnitId);
        var content = MailTemplates.Rejection(new RejectionMail(
            unit.Name, plan.Number, PlanLookup.SubjectTitle(plan, result.Key.SubjectId), result.FileNames, result.Deadline!, result.ReceivedAt,
            links.Link(plan, result.Key.CycleId, unit.Id)));
        var key = MessageKeys.Rejection(result.Key.CycleId, unit.Id, result.Key.SubjectId, result.AttemptId);
        return SendAsync(new OutgoingMail(key, PlanLookup.Recipients(unit), Marked(content, rehearsal)), cancellationToken);
    }

    /// <summary>
    /// Each proposer's verdicts once a round is judged, one mail per proposer under one key per round, so a retried
    /// judgement sends nothing twice. A relay's pick round reaches the units that proposed to the relay.
    /// </summary>
    public Task<int> SendVerdictsAsync(Plan plan, string cycleId, string roundId, IReadOnlyList<Workflow.Domain.Consolidation.NomineeOutcome> nominees, bool rehearsal, CancellationToken cancellationToken = default) =>
        SendVerdictsAsync(plan, cycleId, roundId, nominees, rehearsal, reviewId: null, cancellationToken);

    /// <summary>
    /// The verdicts an operator's review changed after the round was judged, to each proposer concerned, under one key
    /// per review (<paramref name="reviewId"/>): the proposer learns of the change as it learnt of the verdict.
    /// </summary>
    public Task<int> SendRevisedVerdictsAsync(Plan plan, string cycleId, string roundId, IReadOnlyList<Workflow.Domain.Consolidation.NomineeOutcome> changed, string reviewId, bool rehearsal, CancellationToken cancellationToken = default) =>
        SendVerdictsAsync(plan, cycleId, roundId, changed, rehearsal, reviewId, cancellationToken);

    private async Task<int> SendVerdictsAsync(
        Plan plan, string cycleId, string roundId, IReadOnlyList<Workflow.Domain.Consolidation.NomineeOutcome> nominees, bool rehearsal, string? reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(nominees);
        var title = PlanLookup.SubjectTitle(plan, roundId);
        var sent = 0;
        foreach (var group in nominees.GroupBy(n => n.Nomination.ProposedBy, StringComparer.Ordinal))
        {
            if (PlanLookup.FindUnit(plan, group.Key) is not { } unit)
            {
                continue;
            }

            var content = MailTemplates.Verdict(new VerdictMail(unit.Name, plan.Number, title,
                [.. group.Select(n => new NomineeVerdictLine(n.Nomination.Name, n.Accepted, n.Reasons))], links.Link(plan, cycleId, unit.Id), Revised: reviewId is not null));
            var key = reviewId is null ? MessageKeys.Verdict(cycleId, unit.Id, roundId) : MessageKeys.RevisedVerdict(cycleId, unit.Id, roundId, reviewId);
            sent += await SendAsync(new OutgoingMail(key, PlanLookup.Recipients(unit), Marked(content, rehearsal)), cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    /// <summary>
    /// A milestone's reminder to the plan's operators, all of them on one mail under one key per point: the milestone as
    /// the plan words it, the cycle's figures at the point, and the snapshot to cite (opened on the dashboard), if any.
    /// </summary>
    public Task<bool> SendMilestoneAsync(
        Plan plan, MilestonePoint point, Tally figures, ConsolidationSnapshot? snapshot, bool rehearsal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(figures);
        var milestone = plan.Milestones.FirstOrDefault(m => m.Id == point.Milestone)
            ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no milestone '{point.Milestone}'.");
        var dashboard = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/dashboard/#cycle={Uri.EscapeDataString(point.CycleId)}";
        var link = snapshot is null
            ? new UploadLink("Trang theo dõi kỳ báo cáo", dashboard)
            : new UploadLink("Bản tổng hợp", $"{dashboard}&snapshot={Uri.EscapeDataString(snapshot.Id)}");
        var content = MailTemplates.Milestone(new MilestoneMail(
            plan.Number, plan.Title, milestone.Title, milestone.Deadline, point.Sequence, point.At,
            new CycleFigures(figures.Expected, figures.OnTime, figures.Late, figures.Missing, figures.Pending),
            snapshot is null ? null : new SnapshotReference(snapshot.Id, snapshot.At), link));
        var to = plan.OperatorEmails.Select(e => new Recipient(e, "Cơ quan thường trực Ban Chỉ đạo")).ToList();
        return SendAsync(new OutgoingMail(MessageKeys.Milestone(point.CycleId, point.PointKey), to, Marked(content, rehearsal)), cancellationToken);
    }

    /// <summary>A rehearsal's mails say so before anything else, so no unit takes one for an official notice.</summary>
    private static MailContent Marked(MailContent content, bool rehearsal) => rehearsal ? MailTemplates.Rehearsal(content) : content;

    private async Task<int> SendBatchAsync(MailBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Recipients.Count == 0)
        {
            return 0;
        }

        // A queued mail is the outbox's to deliver: counted as handed over, as a sent one is.
        var results = await mailer.SendBatchAsync(batch, cancellationToken);
        return results.Count(r => r.Outcome is MailSendOutcome.Sent or MailSendOutcome.AlreadySent or MailSendOutcome.Queued);
    }

    private async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (mail.To.Count == 0)
        {
            return false;
        }

        var result = await mailer.SendAsync(mail, cancellationToken);
        return result.Outcome is MailSendOutcome.Sent or MailSendOutcome.AlreadySent or MailSendOutcome.Queued;
    }
}
