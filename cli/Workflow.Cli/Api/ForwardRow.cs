namespace Workflow.Cli.Api;

/// <summary>One pick forwarded to the parent round: accepted with a receipt, or refused there with the reasons.</summary>
internal sealed record ForwardRow(string NominationId, string? ParentNominationId, string Name, bool Accepted, string? ReceiptNumber, IReadOnlyList<string>? Problems);
