using Workflow.Api.Contracts;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>Operators download the consolidated exports and any stored dossier version, as attachments of a type we chose (<see cref="DownloadResult"/>).</summary>
public static class DownloadHandlers
{
    public static async Task<IResult> ListExportsAsync(string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: true, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        return Results.Ok(Exports(id, instance).Select(name => new ExportLink(name, $"/api/cycles/{Uri.EscapeDataString(id)}/exports/{Uri.EscapeDataString(name)}")).ToList());
    }

    public static async Task<IResult> GetExportAsync(string id, string name, DurableTaskClient client, CycleConsolidation consolidation, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: true, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        // Only names the consolidation wrote can be asked for, so no other blob is reachable.
        if (!Exports(id, instance).Contains(name, StringComparer.Ordinal)
            || await consolidation.ReadExportAsync($"{id}/{name}", cancellationToken) is not { } content)
        {
            return ApiProblems.NotFound($"Kỳ báo cáo «{id}» không có tệp xuất «{name}» (tệp xuất có khi kỳ báo cáo đã tổng hợp xong).");
        }

        var type = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ContentSniffer.MediaType(name)
            : "text/csv; charset=utf-8";
        return new DownloadResult(content.ToMemory(), name, type);
    }

    public static async Task<IResult> GetDossierAsync(string id, string unitId, string subject, int version, IDossierStore dossiers, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || !CycleLookup.IsSafeId(unitId) || !CycleLookup.IsSafeId(subject))
        {
            return ApiProblems.BadRequest("path", "Mã kỳ báo cáo, đơn vị hoặc nội dung không hợp lệ.");
        }

        var file = version < 1 ? null : await dossiers.DownloadAsync(new SubmissionKey(id, unitId, subject), version, cancellationToken);
        if (file is null)
        {
            return ApiProblems.NotFound($"Không có phiên bản {version} của «{subject}» do đơn vị «{unitId}» nộp trong kỳ «{id}».");
        }

        // The type the uploader declared is kept in the blob's metadata for the record, never served.
        return DownloadResult.Stored(file.Content.ToMemory(), file.Version.FileName);
    }

    private static IEnumerable<string> Exports(string id, OrchestrationMetadata instance) =>
        instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.ReadOutputAs<CycleSummary>() is { } summary
            ? summary.Exports.Where(e => e.StartsWith(id + "/", StringComparison.Ordinal)).Select(e => e[(id.Length + 1)..])
            : [];
}
