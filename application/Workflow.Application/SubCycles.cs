using System.Text.Json;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Levels;
using Workflow.Domain.Reports;
using Workflow.Domain.Validation;

namespace Workflow.Application;

/// <summary>
/// Reporting from the base up. A relay issues its plan to its units as a sub-cycle linked to the parent and running on
/// the parent's clock; reports to the parent pre-filled from the sub-cycle (<see cref="RollUp"/>), corrections recorded
/// with who and why; and its picks among its units' nominations forwarded, with their dossiers, to the parent round,
/// where the parent's rules and deadline judge them again.
/// </summary>
public sealed class SubCycles(
    IPlanStore plans,
    ICycleLinks links,
    IStatusStore status,
    IDossierStore dossiers,
    CycleClocks clocks,
    CycleStarter starter,
    SubmissionService submissions)
{
    /// <summary>
    /// Derives the relay's plan from the parent's as it stands (amendments included), stores it as the sub-cycle's
    /// plan, links it, and starts it on the parent's clock (a stepped rehearsal stands where the parent stands).
    /// </summary>
    public async Task<SubCycleIssue> IssueAsync(
        DurableTaskClient client, string parentCycleId, string relayUnitId, RelayPlanRequest request, string issuedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await plans.GetAsync(parentCycleId, cancellationToken) is not { } parent)
        {
            return new SubCycleIssue(null, null, [], NotFound: true);
        }

        if (parent.Units.FirstOrDefault(u => u.Id == relayUnitId) is null)
        {
            return new SubCycleIssue(null, null, [new PlanError("relayId", $"Đơn vị «{relayUnitId}» không thuộc kỳ báo cáo «{parentCycleId}».")], NotFound: true);
        }

        var cycleId = PlanDerivation.SubCycleId(parentCycleId, relayUnitId);
        if (await client.GetInstanceAsync(cycleId, cancellation: cancellationToken) is not null)
        {
            return new SubCycleIssue(cycleId, null, [new PlanError("relayId", $"Đơn vị đã ban hành kế hoạch của cấp mình (kỳ «{cycleId}»).")], Conflict: true);
        }

        var parentInstance = await client.GetInstanceAsync(parentCycleId, cancellation: cancellationToken);
        if (parentInstance is not { IsRunning: true })
        {
            return new SubCycleIssue(null, null, [new PlanError("id", $"Kỳ báo cáo cấp trên «{parentCycleId}» không còn chạy.")], Conflict: true);
        }

        // The parent records its clock as it records its plan; until then its start's own clock is the one it will record
        // (never the live fallback, which would put a rehearsal's sub-cycle on real time).
        var clock = await status.GetClockAsync(parentCycleId, cancellationToken)
            ?? (await client.GetInstanceAsync(parentCycleId, getInputsAndOutputs: true, cancellationToken))?.ReadInputAs<CycleInput>()?.BusinessClock
            ?? BusinessClock.Live;
        var now = clocks.Now(clock);
        // The parent's plan carries its lineage (the link's, stored with it): one read fewer per issue, thousands in a national tree.
        var lineage = parent.Origin?.Lineage ?? [];
        var derived = PlanDerivation.Derive(parent, parentCycleId, lineage, relayUnitId, request, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, parent.Zone()).DateTime));
        if (derived.Plan is not { } plan)
        {
            return new SubCycleIssue(null, null, derived.Errors);
        }

        // The link first: a sub-cycle never runs unlinked, and the same issue sent again finds it and stores the same plan.
        await links.SaveAsync(new CycleLink(cycleId, parentCycleId, relayUnitId, plan.Origin!.Lineage, now, issuedBy), cancellationToken);
        try
        {
            await starter.StartAsync(client, new CycleInput(cycleId, plan, issuedBy, clock), cycleId, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // A different plan stored by an earlier issue that never started its cycle: the id is taken all the same.
            return new SubCycleIssue(cycleId, null, [new PlanError("relayId", $"Kỳ «{cycleId}» đã gắn với một kế hoạch khác.")], Conflict: true);
        }

        await status.AppendCycleEventAsync(new CycleEvent(parentCycleId, $"subcycle-{relayUnitId}", now, "subcycle",
            $"{PlanLookup.Unit(parent, relayUnitId).Name} ban hành kế hoạch cấp mình cho {plan.Units.Count} đơn vị trực thuộc", $"Kỳ báo cáo {cycleId}; người ban hành: {issuedBy}"), cancellationToken);
        return new SubCycleIssue(cycleId, plan, []);
    }

    /// <summary>The relay's report to the parent as its sub-cycle's units' reports fill it now; null when the cycle is not a sub-cycle or has no such deliverable.</summary>
    public async Task<RollUpDraft?> DraftAsync(string subCycleId, string deliverableId, CancellationToken cancellationToken = default)
    {
        if (await links.GetAsync(subCycleId, cancellationToken) is not { } link
            || await plans.GetAsync(subCycleId, cancellationToken) is not { } sub
            || await plans.GetAsync(link.ParentCycleId, cancellationToken) is not { } parent
            || parent.AllDeliverables().FirstOrDefault(d => d.Id == deliverableId) is not { } deliverable
            || sub.AllDeliverables().All(d => d.Id != deliverableId))
        {
            return null;
        }

        var relay = PlanLookup.Unit(parent, link.RelayUnitId);
        var reports = await ReportsAsync(sub, subCycleId, deliverableId, cancellationToken);
        var consolidation = Consolidator.Consolidate(sub, deliverableId, reports);
        return new RollUpDraft(subCycleId, link.ParentCycleId, link.RelayUnitId, relay.Name, deliverable, RollUp.Prefill(sub, deliverable, relay, consolidation, reports), RollUp.BaseOf(reports));
    }

    /// <summary>
    /// Sends the relay's report to the parent: its narrative file, the file-only forms, and the statistics (the pre-filled
    /// ones when <paramref name="statistics"/> is null). Each figure changed from the pre-filled one needs a reason
    /// (<paramref name="reasons"/>, "form.field"); the corrections travel with the report and the parent's timeline lists them.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(
        RollUpDraft draft, IncomingFile narrative, IReadOnlyList<FilledForm> forms, ReportStatistics? statistics, IReadOnlyDictionary<string, string> reasons, string by,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var parent = await plans.GetAsync(draft.ParentCycleId, cancellationToken) ?? throw new InvalidOperationException($"Cycle '{draft.ParentCycleId}' has no plan.");
        var relay = PlanLookup.Unit(parent, draft.RelayUnitId);
        var now = await clocks.NowAsync(draft.ParentCycleId, cancellationToken);
        var (report, errors) = RollUp.Apply(draft.Deliverable, relay, draft.Prefilled, statistics, reasons, draft.SubCycleId, draft.Base, by, now);
        if (errors.Count > 0)
        {
            return new SubmissionResult([], [.. errors.Select(e => new FieldProblem(e.Field, e.Message))]);
        }

        var result = await submissions.SubmitRollUpAsync(draft.ParentCycleId, draft.RelayUnitId, draft.Deliverable.Id, narrative, forms, report, cancellationToken);
        if (result.Problems.Count == 0 && report.RollUp!.Corrections.Count > 0)
        {
            var receipt = result.Files.FirstOrDefault()?.ReceiptNumber ?? now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await status.AppendCycleEventAsync(new CycleEvent(draft.ParentCycleId, $"rollup-corrections-{draft.RelayUnitId}-{receipt}", now, "correction",
                $"{relay.Name} điều chỉnh {report.RollUp.Corrections.Count} số liệu tổng hợp «{draft.Deliverable.Title}»",
                string.Join("; ", report.RollUp.Corrections.Select(c => $"{c.Label}: {c.Prefilled} → {c.Value} (lý do: {c.Reason})")) + $"; người điều chỉnh: {by}"), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Forwards the relay's picks for <paramref name="roundId"/> (the parent round) that its own pick round judged within
    /// its quota, eligible and complete, each with its dossier, as the relay's proposals in the parent round. Null when the
    /// cycle is not a sub-cycle or has no pick round for it. A pick already forwarded is sent again as the same id, which
    /// the parent takes as a new version of the same proposal.
    /// </summary>
    public async Task<IReadOnlyList<ForwardedNomination>?> ForwardAsync(string subCycleId, string roundId, CancellationToken cancellationToken = default)
    {
        var pickRound = PlanDerivation.PickRoundId(roundId);
        if (await links.GetAsync(subCycleId, cancellationToken) is not { } link
            || await plans.GetAsync(subCycleId, cancellationToken) is not { } sub
            || sub.NominationRounds.All(r => r.Id != pickRound))
        {
            return null;
        }

        // The pick round's rows hold its verdicts; the dossier's versions are on the units' proposals, under the proposal round.
        var proposals = (await status.ListNomineesAsync(subCycleId, roundId, cancellationToken)).ToDictionary(p => p.NominationId, StringComparer.Ordinal);
        var forwarded = new List<ForwardedNomination>();
        var picks = (await status.ListNomineesAsync(subCycleId, pickRound, cancellationToken))
            .Where(p => p.WithinQuota == true && p.Eligible != false && p.DossierComplete != false)
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.NominationId, StringComparer.Ordinal);
        foreach (var pick in picks)
        {
            var proposal = proposals.GetValueOrDefault(pick.NominationId) ?? pick;
            var files = new List<NominationFile>();
            var key = new SubmissionKey(subCycleId, pick.ProposedBy, roundId);
            for (var i = 0; i < proposal.Versions.Count; i++)
            {
                var stored = await dossiers.DownloadAsync(key, proposal.Versions[i], cancellationToken)
                    ?? throw new InvalidOperationException($"Dossier version {proposal.Versions[i]} of {pick.NominationId} is missing.");
                var document = i < proposal.Documents.Count ? proposal.Documents[i] : new SubmittedDocument("", null);
                files.Add(new NominationFile(document.DocumentId, document.LineCount, new IncomingFile(stored.Version.FileName, stored.Version.ContentType, stored.Content.ToStream())));
            }

            var id = $"{link.RelayUnitId}-{pick.NominationId}";
            // The records travel with their evidence files (the same dossier parts) and the district's reviews.
            var nomination = pick.ToNomination() with { Id = id, Round = roundId, ProposedBy = link.RelayUnitId };
            var result = await submissions.SubmitNominationAsync(link.ParentCycleId, link.RelayUnitId, roundId, nomination, files, cancellationToken: cancellationToken);
            var refusal = result.Files.FirstOrDefault(f => !f.Accepted) is { } refused ? [new FieldProblem("nomination", string.Join(" ", refused.Errors) is { Length: > 0 } why ? why : refused.Outcome.ToString())] : Array.Empty<FieldProblem>();
            forwarded.Add(new ForwardedNomination(pick.NominationId, id, pick.Name, result.Accepted ? result.Files[0].ReceiptNumber : null, [.. result.Problems, .. refusal]));
        }

        return forwarded;
    }

    private static UnitReport NotRequiredWhenOptional(Deliverable deliverable, UnitReport report) =>
        deliverable.Optional && report.State == ReportState.Missing ? report with { State = ReportState.NotRequired } : report;

    /// <summary>Every unit the deliverable asks of, in plan order: its report, or missing (not required when optional) when it has no row.</summary>
    private async Task<List<UnitReport>> ReportsAsync(Plan sub, string cycleId, string deliverableId, CancellationToken cancellationToken)
    {
        var deliverable = sub.AllDeliverables().First(d => d.Id == deliverableId);
        var rows = (await status.ListAsync(cycleId, deliverableId, cancellationToken)).ToDictionary(r => r.UnitId, StringComparer.Ordinal);
        return [.. deliverable.AppliesTo.Select(sub.Units).Select(u => rows.TryGetValue(u.Id, out var row)
            ? NotRequiredWhenOptional(deliverable, CycleConsolidation.Report(row))
            : new UnitReport(u.Id, deliverable.Optional ? ReportState.NotRequired : ReportState.Missing, null, null))];
    }
}
