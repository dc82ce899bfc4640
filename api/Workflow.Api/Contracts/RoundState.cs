namespace Workflow.Api.Contracts;

/// <summary>Where a nomination round stands, read from the plan and the round's own orchestration.</summary>
public enum RoundState
{
    /// <summary>A proposal round the plan names without a deadline: an operator must date it before anything is taken.</summary>
    Undated,

    /// <summary>Taking dossiers until its close.</summary>
    Open,

    /// <summary>A level the province picks from a lower round that has not been judged yet.</summary>
    AwaitingLower,

    /// <summary>Closed and being judged.</summary>
    Judging,

    /// <summary>Closed, but a quota rule has no numbers yet: judged once an operator sets them ("chờ chỉ tiêu").</summary>
    AwaitingQuotas,

    /// <summary>A level the province picks, waiting for its picks.</summary>
    AwaitingPicks,

    Judged,

    /// <summary>The cycle closed while the round still waited for quota numbers: not judged.</summary>
    NotJudged,

    /// <summary>The cycle closed before the province picked anyone.</summary>
    ClosedWithoutPicks,

    /// <summary>Its judgement failed after its retries (a failed piece, which can be retried).</summary>
    Failed,
}
