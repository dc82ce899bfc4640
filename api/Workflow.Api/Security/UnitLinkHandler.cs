using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Security;

/// <summary>
/// Units carry their link token as <c>Authorization: Bearer</c>, or as <c>?token=</c> when opened from an e-mail.
/// It is checked against the server clock, so it stops working when the cycle closes.
/// </summary>
public sealed class UnitLinkHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes,
    UnitLinks links,
    TimeProvider time,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken() ?? Request.Query[ApiAuth.TokenQueryParameter].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (links.Validate(token, time.GetUtcNow()) is not { } claims)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid or expired unit link."));
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ApiAuth.ActorClaim, ApiAuth.UnitActor),
            new Claim(ApiAuth.CycleClaim, claims.CycleId),
            new Claim(ApiAuth.UnitClaim, claims.UnitId),
            new Claim(ClaimTypes.Name, claims.UnitId),
        ], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
