namespace Workflow.Api.Security;

/// <summary>
/// Operators signed in with Entra ID (section "Entra"), used in Azure beside the keys: the API's app registration, whose
/// app roles (<see cref="AdministratorRole"/>, <see cref="OperatorRole"/>, <see cref="ViewerRole"/>) give the role and
/// whose <see cref="ScopeClaim"/> gives the scope. Nothing configured (no ClientId) means keys only.
/// </summary>
public sealed class EntraOptions
{
    public const string SectionName = "Entra";
    public const string AdministratorRole = "Workflow.Administrator";
    public const string OperatorRole = "Workflow.Operator";
    public const string ViewerRole = "Workflow.Viewer";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public string TenantId { get; set; } = "";

    /// <summary>The API's application (client) id; setting it turns Entra ID on.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The token audience; by default the client id and its Application ID URI <c>api://{ClientId}</c> are both taken.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The claim carrying the operator's scope: a unit id or "*" (for example a directory extension emitted as an optional claim).</summary>
    public string ScopeClaim { get; set; } = "workflow_scope";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";
}
