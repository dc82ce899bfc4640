namespace Workflow.Domain.Nominations;

/// <summary>A required document of a dossier; forms and their legal basis come from the plan, never from code.</summary>
public sealed record DossierDocument
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Which nominees need it; null for both.</summary>
    public NomineeKind? RequiredFor { get; init; }

    /// <summary>Maximum number of lines for a collective's summary ("không quá 20 dòng đối với tập thể").</summary>
    public int? MaxLinesForCollective { get; init; }

    /// <summary>The prescribed form, e.g. "Mẫu 08", and the instrument that sets it.</summary>
    public string? Form { get; init; }

    public string? LegalBasis { get; init; }
}
