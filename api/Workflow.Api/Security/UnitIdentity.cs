using System.Security.Claims;

namespace Workflow.Api.Security;

/// <summary>The cycle and unit a unit token was issued for; handlers take them from here only, never from the request.</summary>
public sealed record UnitIdentity(string CycleId, string UnitId)
{
    public static UnitIdentity From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ApiAuth.CycleClaim) ?? throw new InvalidOperationException("No cycle claim: the Unit policy did not run."),
        user.FindFirstValue(ApiAuth.UnitClaim) ?? throw new InvalidOperationException("No unit claim: the Unit policy did not run."));
}
