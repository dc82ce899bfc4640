namespace Workflow.Application;

/// <summary>What became of an operator's numbers for a quota rule.</summary>
public enum QuotaSetOutcome
{
    /// <summary>Stored with the plan and recorded; the round judges with them once none of its rules is pending.</summary>
    Set,

    /// <summary>The cycle has no stored plan.</summary>
    NoPlan,

    UnknownRound,

    UnknownQuota,

    /// <summary>The rule has its numbers already (from the plan, or set before): they are not changed.</summary>
    NotPending,
}
