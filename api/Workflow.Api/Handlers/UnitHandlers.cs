using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Api.Security;

namespace Workflow.Api.Handlers;

/// <summary>A unit sees its own tasks and receipts; the cycle and the unit come from its token only.</summary>
public static class UnitHandlers
{
    public static async Task<IResult> TasksAsync(
        HttpContext context, IPlanStore plans, IStatusStore status, CycleClocks clocks, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = UnitIdentity.From(context.User);
        if (await plans.GetAsync(me.CycleId, cancellationToken) is not { } plan || plan.Units.FirstOrDefault(u => u.Id == me.UnitId) is not { } unit)
        {
            return ApiProblems.NotFound("Kỳ báo cáo của đường dẫn này chưa sẵn sàng hoặc không còn.");
        }

        var now = await clocks.NowAsync(me.CycleId, cancellationToken);
        var tasks = new List<UnitTask>();
        var unitTemplates = await TemplateHandlers.ForUnitAsync(templates, plan, unit, me.CycleId, cancellationToken);
        foreach (var deliverable in plan.Deliverables.Where(d => d.AppliesTo.Includes(unit)))
        {
            var row = await status.GetAsync(new SubmissionKey(me.CycleId, me.UnitId, deliverable.Id), cancellationToken);
            // Only the forms the unit fills: a form scoped to other blocks is not shown, asked for or accepted.
            tasks.Add(Task(plan, row, deliverable.Id, deliverable.Title, Kind(deliverable.Kind), deliverable.Deadline, deliverable.LatePolicy, deliverable.Optional, now) with
            {
                Forms = [.. deliverable.FormsFor(unit)],
                Templates = [.. unitTemplates.Where(t => t.Deliverable == deliverable.Id)],
            });
        }

        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is null && r.Proposers.Includes(unit)))
        {
            IReadOnlyList<DossierDocument> documents = round.Dossier?.Documents ?? [];
            IReadOnlyList<ProfileInfo> profiles = [.. round.Eligibility.Select(ProfileInfo.Of)];
            if (round.Deadline is null)
            {
                // Shown so the unit knows it is coming, with nothing to send until an operator dates it.
                tasks.Add(new UnitTask(round.Id, round.Title, TaskKind.Nomination, CycleLookup.Undated, "—", round.LatePolicy, UnitState.Undated,
                    null, null, null, null, documents, profiles, CycleLookup.StateText(UnitState.Undated, round: true), round.Optional));
                continue;
            }

            var row = await status.GetAsync(new SubmissionKey(me.CycleId, me.UnitId, round.Id), cancellationToken);
            tasks.Add(Task(plan, row, round.Id, round.Title, TaskKind.Nomination, round.Deadline, round.LatePolicy, round.Optional, now) with
            {
                Documents = documents,
                Profiles = profiles,
                Copies = round.Dossier?.Copies,
            });
        }

        return Results.Ok(new UnitTasks(me.CycleId, me.UnitId, unit.Name, plan.Title, plan.Number, tasks)
        {
            Scales = [.. plan.Scales.Select(s => new ScaleInfo(s.Id, s.Name, [.. s.Levels.Select(l => new LevelInfo(l.Id, l.Name))]))],
            NomineeUnits = [.. unit.Descendants().Prepend(unit).Select(u => new LevelInfo(u.Id, u.Name))],
        });
    }

    public static async Task<IResult> ReceiptsAsync(HttpContext context, IPlanStore plans, IDossierStore dossiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = UnitIdentity.From(context.User);
        if (await plans.GetAsync(me.CycleId, cancellationToken) is not { } plan || plan.Units.FirstOrDefault(u => u.Id == me.UnitId) is not { } unit)
        {
            return ApiProblems.NotFound("Kỳ báo cáo của đường dẫn này chưa sẵn sàng hoặc không còn.");
        }

        var receipts = new List<ReceiptRow>();
        foreach (var subject in plan.Subjects().Where(s => s.Scope.Includes(unit)))
        {
            var deliverable = subject.IsNominationRound ? null : plan.AllDeliverables().FirstOrDefault(d => d.Id == subject.Id);
            foreach (var v in await dossiers.ListVersionsAsync(new SubmissionKey(me.CycleId, me.UnitId, subject.Id), cancellationToken))
            {
                receipts.Add(new ReceiptRow(v.ReceiptNumber, subject.Id, subject.Title, v.Version, v.ReceivedAt.ToUniversalTime(), ApiText.Arrival(v.ReceivedAt)!, v.FileName, v.Size, v.Sha256, v.Late)
                {
                    Form = v.Form,
                    FormTitle = deliverable is null ? null : UploadHandlers.FormTitle(deliverable, v.Form),
                });
            }
        }

        // The files of one submission share their arrival: they read in the order they were stored.
        return Results.Ok(receipts.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Version).ThenBy(r => r.Receipt, StringComparer.Ordinal).ToList());
    }

    private static UnitTask Task(Plan plan, DeliverableStatus? row, string subject, string title, TaskKind kind, Deadline deadline, LatePolicy policy, bool optional, DateTimeOffset now)
    {
        // The row holds the unit's own deadline, moved by any extension; the plan's applies until the row exists.
        var effective = row?.Deadline ?? deadline;
        var state = row is null ? UnitState.Pending : CycleLookup.StateOf(row, now, optional);
        return new UnitTask(subject, title, kind, effective.Describe(), ApiText.LastAccepted(effective, plan.TimeZone), row?.LatePolicy ?? policy, state,
            row?.CountedReceipt, row?.CountedVersion, ApiText.Arrival(row?.SubmittedAt), null, null, null, CycleLookup.StateText(state, kind == TaskKind.Nomination), optional);
    }

    private static TaskKind Kind(DeliverableKind kind) => kind switch
    {
        DeliverableKind.Registration => TaskKind.Registration,
        DeliverableKind.ImplementationPlan => TaskKind.ImplementationPlan,
        _ => TaskKind.Report,
    };
}
