namespace Workflow.Api.Contracts;

/// <summary>The numbers of a pending quota rule, as the awarding authority gave them, with who set them and why.</summary>
public sealed record QuotaBody(int? Max, int? MaxCollective, int? MaxIndividual, int? MinPolice, int? MaxPolice, string? RequestedBy, string? Reason);
