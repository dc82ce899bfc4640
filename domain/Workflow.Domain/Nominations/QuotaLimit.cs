namespace Workflow.Domain.Nominations;

/// <summary>Which limit of a quota rule a group broke.</summary>
public enum QuotaLimit
{
    Max,
    MaxCollective,
    MaxIndividual,
    MinPolice,
    MaxPolice,

    /// <summary>The nominee falls under no rule of the structure ("không thuộc cơ cấu được phân bổ").</summary>
    Structure,
}
