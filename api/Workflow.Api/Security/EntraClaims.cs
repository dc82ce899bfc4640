using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Workflow.Domain.Access;

namespace Workflow.Api.Security;

/// <summary>Turns a validated Entra ID token into the operator claims the keys give: highest app role, scope claim, object id and name.</summary>
public static class EntraClaims
{
    public static Task MapAsync(TokenValidatedContext context, EntraOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var token = context.Principal ?? new ClaimsPrincipal();
        var roles = token.FindAll("roles").Concat(token.FindAll(ClaimTypes.Role)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        OperatorRole? role = roles.Contains(EntraOptions.AdministratorRole) ? OperatorRole.Administrator
            : roles.Contains(EntraOptions.OperatorRole) ? OperatorRole.Operator
            : roles.Contains(EntraOptions.ViewerRole) ? OperatorRole.Viewer
            : null;
        var scope = token.FindFirst(options.ScopeClaim)?.Value;
        if (role is null || !OperatorScope.IsValid(scope))
        {
            // Signed in but given no Workflow role or no valid scope: not an operator at all.
            context.Fail("The token carries no Workflow app role or no valid scope claim.");
            return Task.CompletedTask;
        }

        var id = token.FindFirst("oid")?.Value ?? token.FindFirst("sub")?.Value ?? "";
        var name = token.FindFirst("name")?.Value ?? token.FindFirst("preferred_username")?.Value ?? id;
        context.Principal = new ClaimsPrincipal(OperatorIdentity.Claims($"entra:{id}", name, role.Value, scope!, "entra", ApiAuth.EntraScheme));
        return Task.CompletedTask;
    }
}
