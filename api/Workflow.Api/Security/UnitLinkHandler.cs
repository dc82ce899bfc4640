using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Security;

/// <summary>
/// Units carry their link token as <c>Authorization: Bearer</c>, or as <c>?token=</c> when opened from an e-mail.
/// It is checked against the cycle's business time, so it stops working when the cycle closes.
/// </summary>
public sealed class UnitLinkHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes,
    UnitLinks links,
    CycleClocks clocks,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken() ?? Request.Query[ApiAuth.TokenQueryParameter].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        // The link expires when its cycle closes in the cycle's own time: a rehearsal of a past plan still opens.
        if (links.Validate(token, DateTimeOffset.MinValue) is not { } signed
            || links.Validate(token, await clocks.NowAsync(signed.CycleId, Context.RequestAborted)) is not { } claims)
        {
            return AuthenticateResult.Fail("Invalid or expired unit link.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ApiAuth.ActorClaim, ApiAuth.UnitActor),
            new Claim(ApiAuth.CycleClaim, claims.CycleId),
            new Claim(ApiAuth.UnitClaim, claims.UnitId),
            new Claim(ClaimTypes.Name, claims.UnitId),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
