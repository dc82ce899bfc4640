namespace Workflow.Cli.Api;

/// <summary>The body of PUT /api/cycles/{id}/rounds/{round}/quotas/{quota}: the numbers given, who set them and why.</summary>
internal sealed record QuotaRequest(int? Max, int? MaxCollective, int? MaxIndividual, int? MinPolice, int? MaxPolice, string RequestedBy, string Reason);
