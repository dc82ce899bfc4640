namespace Workflow.Domain.Awards;

/// <summary>
/// Everything the tờ trình and the quyết định of one award level say, worked out from the plan and the round's
/// selection (see <see cref="AwardDraftBuilder"/>); the document writers only lay it out (Decree 30/2020/NĐ-CP).
/// </summary>
public sealed record AwardDraft
{
    public required string CycleId { get; init; }
    public required string RoundId { get; init; }
    public required AwardLevel Level { get; init; }

    /// <summary>The award as the plan names it: "Bằng khen của Chủ tịch UBND tỉnh".</summary>
    public required string AwardTitle { get; init; }

    /// <summary>Địa danh of the place-and-date line: "Bắc Giang".</summary>
    public required string Place { get; init; }

    /// <summary>The business date the drafts carry (Vietnam time).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Who submits: the plan's standing agency (or its staff office for the Director's own award).</summary>
    public required DocumentHeader Submission { get; init; }

    /// <summary>Who decides: the awarding authority.</summary>
    public required DocumentHeader Decision { get; init; }

    /// <summary>"Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang": the tờ trình's kính gửi, and the one the decision speaks as.</summary>
    public required string Authority { get; init; }

    /// <summary>What the awardees achieved, for the trích yếu and Điều 1: the plan's title.</summary>
    public required string Achievement { get; init; }

    /// <summary>The plan as cited: "Kế hoạch số …/KH-BCĐ ngày 11/03/2024 của Ban Chỉ đạo …".</summary>
    public required string PlanReference { get; init; }

    /// <summary>Căn cứ: the law, its decree, and the plan's own legal basis, in order.</summary>
    public required IReadOnlyList<string> LegalBasis { get; init; }

    public required IReadOnlyList<Awardee> Awardees { get; init; }

    /// <summary>Dossiers the round received and refused, for the tờ trình's account of the selection.</summary>
    public required int Proposed { get; init; }

    public required int Refused { get; init; }

    public required IReadOnlyList<string> SubmissionRecipients { get; init; }
    public required IReadOnlyList<string> DecisionRecipients { get; init; }

    public int Collectives => Awardees.Count(a => a.Kind == NomineeKind.Collective);
    public int Individuals => Awardees.Count(a => a.Kind == NomineeKind.Individual);
}
