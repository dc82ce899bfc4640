namespace Workflow.Application;

/// <summary>One of a relay's picks sent up to the parent round: the id it has there, and the parent's refusal if any.</summary>
public sealed record ForwardedNomination(string NominationId, string ParentNominationId, string Name, string? ReceiptNumber, IReadOnlyList<FieldProblem> Problems);
