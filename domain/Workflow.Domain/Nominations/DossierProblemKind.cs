namespace Workflow.Domain.Nominations;

public enum DossierProblemKind
{
    /// <summary>A required document was not handed in.</summary>
    Missing,

    /// <summary>A document is longer than its limit ("không quá 20 dòng đối với tập thể").</summary>
    OverLimit,

    /// <summary>A limited document came without its line count, so the limit cannot be checked.</summary>
    LengthUnknown,
}
