namespace Workflow.Application;

/// <summary>The recorded decision, or the problems; <see cref="Conflict"/> when the round is not ready for one or already has another.</summary>
public sealed record AwardDecisionResult(AwardDecision? Decision, IReadOnlyList<FieldProblem> Problems, bool Conflict);
