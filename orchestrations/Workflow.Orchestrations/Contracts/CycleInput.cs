namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Starts one reporting cycle: the plan as validated, who started it, and its business clock (live unless the operator
/// started a rehearsal). The upload boundary reads the same clock from the cycle's record, so both agree on the time.
/// <see cref="Repair"/> is set when a closed cycle is started again to retry a failed piece.
/// </summary>
public sealed record CycleInput(string CycleId, Plan Plan, string StartedBy, BusinessClock? Clock = null, CycleRepair? Repair = null)
{
    public BusinessClock BusinessClock => Clock ?? BusinessClock.Live;
}
