using Workflow.Domain.Consolidation;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Cycle;

/// <summary>The plan's rounds as the headline counts them (<see cref="NominationCounts"/>): pure, so the orchestrator may call it.</summary>
internal static class NominationFigures
{
    /// <summary>
    /// Each round's result, when it has one, with the late refusals of <paramref name="lateRejected"/> (a tally read after
    /// the round was judged). Both count the same append-only audit rows at different instants: the larger is the later.
    /// </summary>
    public static NominationCounts Of(Plan plan, IEnumerable<RoundResult> results, IReadOnlyDictionary<string, int>? lateRejected = null)
    {
        var byRound = results.GroupBy(r => r.RoundId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return NominationCounts.Of(plan.NominationRounds.Select(round =>
        {
            var result = byRound.GetValueOrDefault(round.Id);
            var picked = round.PickedFrom is not null;
            var late = picked ? 0 : Math.Max(result?.LateRejected ?? 0, lateRejected?.GetValueOrDefault(round.Id) ?? 0);
            return new RoundCounts(round.Id, picked, result?.Received ?? 0, result?.Accepted ?? 0, result?.Refused ?? 0, late);
        }));
    }
}
