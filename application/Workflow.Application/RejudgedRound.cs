using Workflow.Domain.Consolidation;

namespace Workflow.Application;

/// <summary>A round judged again after a review, and the nominees whose verdict (accepted or not) that changed.</summary>
public sealed record RejudgedRound(string RoundId, IReadOnlyList<NomineeOutcome> Changed);
