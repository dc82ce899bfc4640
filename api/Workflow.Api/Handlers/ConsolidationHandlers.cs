using System.Security.Cryptography;
using Workflow.Api.Contracts;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>
/// Tổng hợp ngay: an operator consolidates a running cycle at its current business instant (a rehearsal's clock)
/// without closing it, and every such snapshot is kept with its instant and who asked, beside the final exports.
/// </summary>
public static class ConsolidationHandlers
{
    /// <summary>A snapshot's note goes into the cycle's timeline row: well under what a table property holds.</summary>
    public const int MaxNoteLength = 2000;

    private const string CodeAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static async Task<IResult> TakeAsync(
        string id, HttpRequest request, DurableTaskClient client, IPlanStore plans, CycleClocks clocks, ConsolidationSnapshots snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiJson.ReadBodyAsync<SnapshotBody>(request, optional: true, cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        var errors = new List<FieldError>();
        if (body?.RequestedBy is { } by && (string.IsNullOrWhiteSpace(by) || by.Length > CycleCommandHandlers.MaxRequesterLength || by.Any(char.IsControl)))
        {
            errors.Add(new FieldError("requestedBy", $"Người yêu cầu phải có từ 1 đến {CycleCommandHandlers.MaxRequesterLength} ký tự, không có ký tự điều khiển."));
        }

        if (body?.Note is { } note && (note.Length > MaxNoteLength || note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
        {
            errors.Add(new FieldError("note", $"Ghi chú dài quá {MaxNoteLength} ký tự hoặc có ký tự điều khiển."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("Yêu cầu tổng hợp không hợp lệ.", errors);
        }

        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance
            || await plans.GetAsync(id, cancellationToken) is null)
        {
            return ApiProblems.CycleNotFound(id);
        }

        // A suspended or pending cycle may be consolidated; a closed one has its final exports.
        if (instance.IsCompleted)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{id}» đã kết thúc (trạng thái: {instance.RuntimeStatus}); dùng các tệp tổng hợp cuối kỳ (/api/cycles/{id}/exports).");
        }

        var at = await clocks.NowAsync(id, cancellationToken);
        var requestedBy = body?.RequestedBy?.Trim() ?? request.HttpContext.User.Identity?.Name ?? "operator";
        var snapshot = await snapshots.TakeAsync(
            new SnapshotRequest(id, SnapshotIds.ForOperator(at, Code()), at, requestedBy, Note: string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim()), cancellationToken);
        var info = Info(await plans.GetAsync(id, cancellationToken), snapshot);
        return Results.Created(info.Url, info);
    }

    public static async Task<IResult> ListAsync(string id, DurableTaskClient client, IPlanStore plans, ConsolidationSnapshots snapshots, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        // Newest first, as the dashboard and the command line list them.
        return Results.Ok((await snapshots.ListAsync(id, cancellationToken)).Reverse().Select(s => Info(plan, s)).ToList());
    }

    public static async Task<IResult> GetAsync(string id, string snapshotId, DurableTaskClient client, IPlanStore plans, ConsolidationSnapshots snapshots, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        return await FindAsync(id, snapshotId, snapshots, cancellationToken) is { } snapshot
            ? Results.Ok(Info(plan, snapshot))
            : SnapshotNotFound(id, snapshotId);
    }

    public static async Task<IResult> GetExportAsync(
        string id, string snapshotId, string name, DurableTaskClient client, IPlanStore plans, ConsolidationSnapshots snapshots, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is null)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (await FindAsync(id, snapshotId, snapshots, cancellationToken) is not { } snapshot)
        {
            return SnapshotNotFound(id, snapshotId);
        }

        // Only the names the snapshot's record lists can be asked for, so no other blob is reachable.
        if (await snapshots.ReadExportAsync(snapshot, name, cancellationToken) is not { } content)
        {
            return ApiProblems.NotFound($"Bản tổng hợp «{snapshotId}» của kỳ báo cáo «{id}» không có tệp «{name}».");
        }

        var type = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ContentSniffer.MediaType(name) : "text/csv; charset=utf-8";
        return new DownloadResult(content.ToMemory(), name, type);
    }

    private static async Task<ConsolidationSnapshot?> FindAsync(string id, string snapshotId, ConsolidationSnapshots snapshots, CancellationToken cancellationToken) =>
        CycleLookup.IsSafeId(snapshotId) ? await snapshots.GetAsync(id, snapshotId, cancellationToken) : null;

    private static IResult SnapshotNotFound(string id, string snapshotId) =>
        ApiProblems.NotFound($"Kỳ báo cáo «{id}» không có bản tổng hợp «{snapshotId}».");

    private static SnapshotInfo Info(Plan? plan, ConsolidationSnapshot s)
    {
        var url = $"/api/cycles/{Uri.EscapeDataString(s.CycleId)}/consolidations/{Uri.EscapeDataString(s.Id)}";
        var exports = ConsolidationSnapshots.ExportNames(s).Select(n => new ExportLink(n, $"{url}/exports/{Uri.EscapeDataString(n)}")).ToList();
        var rounds = s.Rounds.Where(r => plan?.NominationRounds.FirstOrDefault(x => x.Id == r.RoundId) is not { PickedFrom: not null }).ToList();
        return new SnapshotInfo(
            s.Id, s.At, ApiText.DateTime(s.At)!, s.TakenAt, plan is null ? s.RequestedBy : ConsolidationSnapshots.Requester(plan, s), s.Milestone, s.Note,
            s.Expected, s.OnTime, s.Late, s.Missing, s.Pending, rounds.Sum(r => r.Received), rounds.Sum(r => r.Accepted), url, exports, s.Failures);
    }

    /// <summary>Six random characters: a stepped rehearsal can stand at one instant for several snapshots.</summary>
    private static string Code() => RandomNumberGenerator.GetString(CodeAlphabet, 6);
}
