namespace Workflow.Cli.Api;

/// <summary>The account the key belongs to, as <c>GET /api/me</c> answers.</summary>
internal sealed record WhoAmI(string Id, string Name, string Role, string Scope, string Source);
