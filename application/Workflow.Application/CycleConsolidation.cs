using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Reports;
using Workflow.Exports;

namespace Workflow.Application;

/// <summary>Round checks at closing time and the cycle's consolidation, over the status rows the uploads left.</summary>
public sealed class CycleConsolidation(IStatusStore status, IOptions<StorageOptions> storage)
{
    private readonly BlobContainerClient _exports = new BlobServiceClient(storage.Value.ConnectionString).GetBlobContainerClient(storage.Value.ExportContainer);

    /// <summary>Judges a closed round (or the province's picks) and writes each nominee's outcome to its row.</summary>
    /// <summary>Judges the round and writes each nominee's verdicts; also returns the outcome, whose verdicts are mailed.</summary>
    public async Task<(RoundResult Result, RoundOutcome Outcome)> JudgeRoundAsync(Plan plan, RoundEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        var outcome = await OutcomeAsync(plan, evaluation.CycleId, evaluation.RoundId, evaluation.Picks, cancellationToken);
        foreach (var nominee in outcome.Nominees)
        {
            await status.UpdateNomineeAsync(evaluation.CycleId, evaluation.RoundId, nominee.Nomination.Id, row =>
                (row ?? NomineeStatus.From(evaluation.CycleId, RoundOf(plan, evaluation.RoundId).AwardLevel, nominee.Nomination))
                    .WithAchievements(nominee.Nomination.Achievements)
                    .WithEligibility(nominee.Eligibility)
                    .WithDossier(nominee.Dossier ?? new DossierCheckResult(0, []))
                    .WithQuota(nominee.QuotaViolations), cancellationToken);
        }

        var lateRejected = await LateRefusals.CountAsync(status, evaluation.CycleId, evaluation.RoundId, cancellationToken);
        var accepted = outcome.Accepted.Select(n => n.Nomination.Id).ToList();
        return (new RoundResult(evaluation.RoundId, outcome.Nominees.Count, accepted.Count, outcome.Nominees.Count - accepted.Count, lateRejected, accepted), outcome);
    }

    /// <summary>
    /// Sums every deliverable, builds the award lists, writes the CSV files and the workbook, and returns the summary.
    /// A deliverable or round whose stored rows cannot be consolidated (a corrupt document) is left out and reported as
    /// a failed piece; storage faults still fail the whole step, so the engine retries it. The files go under
    /// <paramref name="folder"/> (a snapshot's own) or, for the final consolidation, under the cycle's id.
    /// </summary>
    public async Task<CycleSummary> ConsolidateAsync(Plan plan, ConsolidationRequest request, string? folder = null, CancellationToken cancellationToken = default)
    {
        var failures = new List<FailedPiece>();
        var deliverables = new List<DeliverableExport>();
        foreach (var deliverable in plan.Deliverables)
        {
            var rows = await status.ListAsync(request.CycleId, deliverable.Id, cancellationToken);
            try
            {
                var reports = rows.Select(Report).ToList();
                deliverables.Add(new DeliverableExport(Consolidator.Consolidate(plan, deliverable.Id, reports), reports));
            }
            catch (Exception ex) when (IsDataFault(ex))
            {
                failures.Add(Failed(plan, $"consolidation-{deliverable.Id}", $"Tổng hợp «{deliverable.Title}»", ex, deliverable.Id));
            }
        }

        var rounds = new List<RoundOutcome>();
        // A round the cycle closed on while it waited for quota numbers was never judged: it has no list.
        foreach (var result in request.Rounds.Where(r => r.Received > 0 && !r.NotJudged))
        {
            var round = RoundOf(plan, result.RoundId);
            // A picked level's rows were written under its own id when it was judged: they are the province's picks.
            var picks = round.PickedFrom is null ? [] : (await status.ListNomineesAsync(request.CycleId, round.Id, cancellationToken)).Select(r => r.NominationId).ToList();
            try
            {
                rounds.Add(await OutcomeAsync(plan, request.CycleId, round.Id, picks, cancellationToken));
            }
            catch (Exception ex) when (IsDataFault(ex))
            {
                failures.Add(Failed(plan, $"consolidation-{round.Id}", $"Lập danh sách «{round.Title}»", ex, round.Id));
            }
        }

        // Late attempts keep coming after a round has been judged: the summary counts every one the audit holds.
        var results = new List<RoundResult>();
        foreach (var result in request.Rounds)
        {
            var lateRejected = RoundOf(plan, result.RoundId).PickedFrom is null
                ? await LateRefusals.CountAsync(status, request.CycleId, result.RoundId, cancellationToken)
                : result.LateRejected;
            // The counts come from the lists just built, so a review after the round's close (which judged it
            // again) shows the same in the summary, the headline and the exports.
            var listed = rounds.FirstOrDefault(r => r.RoundId == result.RoundId);
            results.Add(listed is null ? result with { LateRejected = lateRejected } : result with
            {
                LateRejected = lateRejected,
                Received = listed.Nominees.Count,
                Accepted = listed.Accepted.Count,
                Refused = listed.Nominees.Count - listed.Accepted.Count,
                AcceptedNominations = [.. listed.Accepted.Select(n => n.Nomination.Id)],
            });
        }

        var tables = ExportTables.Build(plan, deliverables, rounds);
        await _exports.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        var written = new List<string>();
        foreach (var table in tables)
        {
            written.Add(await WriteAsync($"{folder ?? request.CycleId}/{table.Name}.csv", "text/csv; charset=utf-8", s => ConsolidationExporter.WriteCsv(table, s), cancellationToken));
        }

        written.Add(await WriteAsync($"{folder ?? request.CycleId}/tong-hop.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", s => ConsolidationExporter.WriteWorkbook(tables, s), cancellationToken));
        var provinces = deliverables.Select(d => d.Consolidation.Province).ToList();
        return new CycleSummary(
            request.CycleId,
            provinces.Sum(p => p.OnTime),
            provinces.Sum(p => p.Late),
            provinces.Sum(p => p.Missing),
            results,
            written,
            failures);
    }

    /// <summary>
    /// The rounds as they stand while the cycle runs, judged without writing anything: every proposal round by the
    /// nominations received so far, and a picked level by the province's picks once it has been judged. A round whose
    /// stored rows cannot be judged is left out and reported as a failed piece.
    /// </summary>
    public async Task<(IReadOnlyList<RoundResult> Rounds, IReadOnlyList<FailedPiece> Failures)> CurrentRoundsAsync(Plan plan, string cycleId, CancellationToken cancellationToken = default)
    {
        var results = new List<RoundResult>();
        var failures = new List<FailedPiece>();
        foreach (var round in plan.NominationRounds)
        {
            var picks = round.PickedFrom is null ? [] : (await status.ListNomineesAsync(cycleId, round.Id, cancellationToken)).Select(r => r.NominationId).ToList();
            if (round.PickedFrom is not null && picks.Count == 0)
            {
                continue;
            }

            try
            {
                var outcome = await OutcomeAsync(plan, cycleId, round.Id, picks, cancellationToken);
                var accepted = outcome.Accepted.Select(n => n.Nomination.Id).ToList();
                results.Add(new RoundResult(round.Id, outcome.Nominees.Count, accepted.Count, outcome.Nominees.Count - accepted.Count, 0, accepted));
            }
            catch (Exception ex) when (IsDataFault(ex))
            {
                failures.Add(Failed(plan, $"consolidation-{round.Id}", $"Lập danh sách «{round.Title}»", ex, round.Id));
            }
        }

        return (results, failures);
    }

    /// <summary>
    /// The round's selection as it stands, for its drafts: a proposal round once it has been judged (its rows carry
    /// verdicts), a picked level once the province has picked. Null before that.
    /// </summary>
    public async Task<RoundOutcome?> SelectionAsync(Plan plan, string cycleId, string roundId, CancellationToken cancellationToken = default)
    {
        var round = RoundOf(plan, roundId);
        var rows = await status.ListNomineesAsync(cycleId, round.Id, cancellationToken);
        if (rows.Count == 0 || (round.PickedFrom is null && rows.All(r => r.Eligible is null && r.WithinQuota is null)))
        {
            return null;
        }

        var picks = round.PickedFrom is null ? [] : rows.Select(r => r.NominationId).ToList();
        return await OutcomeAsync(plan, cycleId, round.Id, picks, cancellationToken);
    }

    /// <summary>
    /// Judges a round again after its records changed (an operator's review), if it has been judged: the proposal round,
    /// then every picked level drawn from it, so verdicts, counts and exports stay one story. Nothing is judged early.
    /// Each round judged again comes back with the nominees whose verdict changed, for their proposers to be told.
    /// </summary>
    public async Task<IReadOnlyList<RejudgedRound>> RejudgeAsync(Plan plan, string cycleId, string roundId, CancellationToken cancellationToken = default)
    {
        var rejudged = new List<RejudgedRound>();
        foreach (var round in plan.NominationRounds.Where(r => r.Id == roundId || r.PickedFrom == roundId))
        {
            var rows = await status.ListNomineesAsync(cycleId, round.Id, cancellationToken);
            var judged = round.PickedFrom is null ? rows.Any(r => r.Eligible is not null || r.WithinQuota is not null) : rows.Count > 0;
            if (judged)
            {
                // What NomineeOutcome.Accepted was at the last judgement, as the row keeps it.
                var before = rows.ToDictionary(r => r.NominationId, r => r.Eligible == true && r.DossierComplete != false && r.WithinQuota == true, StringComparer.Ordinal);
                var (_, outcome) = await JudgeRoundAsync(plan, new RoundEvaluation(cycleId, round.Id, round.PickedFrom is null ? [] : [.. rows.Select(r => r.NominationId)]), cancellationToken);
                rejudged.Add(new RejudgedRound(round.Id, [.. outcome.Nominees.Where(n => before.TryGetValue(n.Nomination.Id, out var was) && was != n.Accepted)]));
            }
        }

        return rejudged;
    }

    /// <summary>Faults of the data itself; storage and cancellation are left to the engine's retries.</summary>
    private static bool IsDataFault(Exception ex) => ex is not (Azure.RequestFailedException or OperationCanceledException or OutOfMemoryException);

    private static FailedPiece Failed(Plan plan, string id, string title, Exception ex, string subject) =>
        new(id, PieceKind.Consolidation, title, $"{ex.GetType().Name}: {ex.Message}", plan.ClosesAt(), 1, subject);

    /// <summary>Reads an export back for download.</summary>
    public async Task<BinaryData?> ReadExportAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = _exports.GetBlobClient(name);
        return await blob.ExistsAsync(cancellationToken) ? (await blob.DownloadContentAsync(cancellationToken)).Value.Content : null;
    }

    private async Task<RoundOutcome> OutcomeAsync(Plan plan, string cycleId, string roundId, IReadOnlyList<string> picks, CancellationToken cancellationToken)
    {
        var round = RoundOf(plan, roundId);
        // A picked level judges the province's picks among the lower round's nominees.
        var source = round.PickedFrom ?? round.Id;
        var rows = await status.ListNomineesAsync(cycleId, source, cancellationToken);
        var chosen = round.PickedFrom is null ? rows : rows.Where(r => picks.Contains(r.NominationId)).ToList();
        var proposals = chosen.OrderBy(r => r.SubmittedAt).ThenBy(r => r.NominationId, StringComparer.Ordinal).Select(Dossier);
        return RoundEvaluator.Evaluate(plan, round.Id, proposals);
    }

    private static NominationDossier Dossier(NomineeStatus row) => new(row.ToNomination(), row.Documents);

    internal static UnitReport Report(DeliverableStatus row) => new(
        row.UnitId,
        row.State != SubmissionState.Submitted ? ReportState.Missing : row.Late ? ReportState.Late : ReportState.OnTime,
        row.SubmittedAt,
        row.StatisticsJson is { } json ? JsonSerializer.Deserialize<ReportStatistics>(json, StatisticsJson.Options) : null);

    private static NominationRound RoundOf(Plan plan, string roundId) =>
        plan.NominationRounds.FirstOrDefault(r => r.Id == roundId) ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no round '{roundId}'.");

    private async Task<string> WriteAsync(string name, string contentType, Action<Stream> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        // Exports are derived data: a retried consolidation rewrites them with the same content.
        await _exports.GetBlobClient(name).UploadAsync(buffer, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        return name;
    }
}
