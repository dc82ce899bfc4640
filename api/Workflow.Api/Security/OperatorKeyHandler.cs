using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Security;

/// <summary>Operators send the configured key in <c>X-Api-Key</c>; no header means "not this scheme", a wrong key fails.</summary>
public sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes,
    IOptions<OperatorOptions> operators,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiAuth.ApiKeyHeader, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = Encoding.UTF8.GetBytes(operators.Value.ApiKey);
        var given = Encoding.UTF8.GetBytes(values.ToString());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid operator key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ApiAuth.ActorClaim, ApiAuth.OperatorActor), new Claim(ClaimTypes.Name, "operator")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
