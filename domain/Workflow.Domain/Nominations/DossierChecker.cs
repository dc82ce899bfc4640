namespace Workflow.Domain.Nominations;

/// <summary>Checks one nominee's dossier against the round's required documents (000 section III.4).</summary>
public static class DossierChecker
{
    public static DossierCheckResult Check(DossierRequirement requirement, NomineeKind kind, IEnumerable<SubmittedDocument> submitted)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(submitted);
        var byId = submitted.GroupBy(d => d.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<DossierProblem>();
        foreach (var document in requirement.Documents.Where(d => d.RequiredFor is null || d.RequiredFor == kind))
        {
            if (!byId.TryGetValue(document.Id, out var copies))
            {
                problems.Add(new DossierProblem(document.Id, document.Title, DossierProblemKind.Missing,
                    $"Thiếu «{Named(document)}»."));
                continue;
            }

            if (kind != NomineeKind.Collective || document.MaxLinesForCollective is not { } maxLines)
            {
                continue;
            }

            // Every version handed in must respect the limit; the longest one decides.
            if (copies.Any(c => c.LineCount is null))
            {
                problems.Add(new DossierProblem(document.Id, document.Title, DossierProblemKind.LengthUnknown,
                    $"Chưa khai báo số dòng của «{Named(document)}» (không quá {maxLines} dòng đối với tập thể)."));
                continue;
            }

            var longest = copies.Max(c => c.LineCount!.Value);
            if (longest > maxLines)
            {
                problems.Add(new DossierProblem(document.Id, document.Title, DossierProblemKind.OverLimit,
                    $"«{Named(document)}» dài {longest} dòng, vượt giới hạn {maxLines} dòng đối với tập thể."));
            }
        }

        return new DossierCheckResult(requirement.Copies, problems);
    }

    // "Báo cáo thành tích (Mẫu 08, Nghị định số 98/2023/NĐ-CP)": the form is named with the title when the plan sets one.
    private static string Named(DossierDocument document) => document.Form switch
    {
        null => document.Title,
        var form when document.LegalBasis is null => $"{document.Title} ({form})",
        var form => $"{document.Title} ({form}, {document.LegalBasis})",
    };
}
