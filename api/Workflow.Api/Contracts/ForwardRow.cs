namespace Workflow.Api.Contracts;

/// <summary>One pick forwarded to the parent round: accepted with a receipt, or refused there with the reasons.</summary>
public sealed record ForwardRow(string NominationId, string ParentNominationId, string Name, bool Accepted, string? ReceiptNumber, IReadOnlyList<string> Problems);
