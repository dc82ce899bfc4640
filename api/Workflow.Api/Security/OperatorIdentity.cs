using System.Security.Claims;
using Workflow.Domain.Access;

namespace Workflow.Api.Security;

/// <summary>The operator acting, as the authentication schemes put it into claims (key, bootstrap key or Entra ID).</summary>
public sealed record OperatorIdentity(string Id, string Name, OperatorRole Role, string Scope, string Source)
{
    public bool IsRootAdministrator => Role == OperatorRole.Administrator && OperatorScope.IsRoot(Scope);

    /// <summary>The operator of the principal, or null when it is not an operator (a unit, nobody, a token without a role).</summary>
    public static OperatorIdentity? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.HasClaim(ApiAuth.ActorClaim, ApiAuth.OperatorActor)
            || !Enum.TryParse<OperatorRole>(user.FindFirstValue(ApiAuth.RoleClaim), ignoreCase: true, out var role)
            || user.FindFirstValue(ApiAuth.ScopeClaim) is not { } scope)
        {
            return null;
        }

        return new OperatorIdentity(
            user.FindFirstValue(ApiAuth.OperatorIdClaim) ?? "", user.FindFirstValue(ClaimTypes.Name) ?? "", role, scope, user.FindFirstValue(ApiAuth.SourceClaim) ?? "");
    }

    /// <summary>The claims every operator scheme issues.</summary>
    public static ClaimsIdentity Claims(string id, string name, OperatorRole role, string scope, string source, string authenticationType) => new(
    [
        new Claim(ApiAuth.ActorClaim, ApiAuth.OperatorActor),
        new Claim(ApiAuth.OperatorIdClaim, id),
        new Claim(ClaimTypes.Name, name),
        new Claim(ApiAuth.RoleClaim, role.ToString()),
        new Claim(ApiAuth.ScopeClaim, scope),
        new Claim(ApiAuth.SourceClaim, source),
    ], authenticationType);
}
