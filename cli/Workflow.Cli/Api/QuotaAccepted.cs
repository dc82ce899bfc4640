namespace Workflow.Cli.Api;

internal sealed record QuotaAccepted(string Id, string Round, string Quota, string NumbersText, IReadOnlyList<string> StillPending);
