namespace Workflow.Api.Security;

/// <summary>Scheme, policy and claim names. Entra ID replaces operators' key by registering another scheme under the Operator policy.</summary>
public static class ApiAuth
{
    public const string OperatorKeyScheme = "OperatorKey";
    public const string UnitLinkScheme = "UnitLink";
    public const string OperatorPolicy = "Operator";
    public const string UnitPolicy = "Unit";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string TokenQueryParameter = "token";

    /// <summary>Who is acting: "operator" or "unit"; each policy requires its own, so one credential never passes for the other.</summary>
    public const string ActorClaim = "workflow:actor";
    public const string OperatorActor = "operator";
    public const string UnitActor = "unit";
    public const string CycleClaim = "workflow:cycle";
    public const string UnitClaim = "workflow:unit";
}
