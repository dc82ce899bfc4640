namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// One nomination round of a cycle, started by the cycle once the round has closed (business time reached its cutoff):
/// a proposal round is judged at once; a level the province picks from the lower round's accepted nominees
/// (<see cref="Candidates"/>) waits for the picks until the cycle closes. <see cref="Stepped"/>: the cycle's clock
/// stands still between steps, so no upload can be in flight at the close. <see cref="CycleClosed"/>: the round runs again
/// after the cycle has closed, so it cannot wait for quota numbers.
/// </summary>
public sealed record RoundInput(string CycleId, string RoundId, DateTimeOffset? ClosedAt, IReadOnlyList<string> Candidates, bool Stepped = false, bool CycleClosed = false);
