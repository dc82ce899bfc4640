namespace Workflow.Api.Security;

/// <summary>Scheme, policy and claim names. Entra ID adds its scheme beside the operators' keys under the operator policies.</summary>
public static class ApiAuth
{
    public const string OperatorKeyScheme = "OperatorKey";
    public const string UnitLinkScheme = "UnitLink";
    public const string EntraScheme = "Entra";

    /// <summary>Operator routes: the role decides the methods, the scope the cycles (the <c>{id}</c> route value's lineage); routes without a cycle need the root scope.</summary>
    public const string OperatorPolicy = "Operator";

    /// <summary>Operator routes of any scope whose handler narrows the answer to the caller's scope itself (the cycle list, who am I).</summary>
    public const string OperatorAnyScopePolicy = "OperatorAnyScope";

    /// <summary>Account management: administrators of the root scope only.</summary>
    public const string AdministratorPolicy = "Administrator";

    public const string UnitPolicy = "Unit";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string TokenQueryParameter = "token";

    /// <summary>Who is acting: "operator" or "unit"; each policy requires its own, so one credential never passes for the other.</summary>
    public const string ActorClaim = "workflow:actor";
    public const string OperatorActor = "operator";
    public const string UnitActor = "unit";
    public const string CycleClaim = "workflow:cycle";
    public const string UnitClaim = "workflow:unit";

    /// <summary>The operator's account id, role (kebab-case <see cref="Workflow.Domain.Access.OperatorRole"/>), scope and where the identity came from.</summary>
    public const string OperatorIdClaim = "workflow:operator";
    public const string RoleClaim = "workflow:role";
    public const string ScopeClaim = "workflow:scope";
    public const string SourceClaim = "workflow:source";

    /// <summary>Route values naming a cycle, and the relay whose sub-cycle a route issues under it.</summary>
    public const string CycleRouteValue = "id";
    public const string RelayRouteValue = "relayId";

    /// <summary>The account the configured key stands for: the break-glass administrator of the root scope.</summary>
    public const string BootstrapOperatorId = "bootstrap";
}
