namespace Workflow.Domain.Nominations;

public enum QuotaGrouping
{
    /// <summary>All matched nominees together (a province-wide structure).</summary>
    All,

    /// <summary>Separately for each proposing unit ("mỗi đơn vị đề nghị").</summary>
    Proposer,

    /// <summary>Separately for each unit the nominees belong to.</summary>
    NomineeUnit,
}
