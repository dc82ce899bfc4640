using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Access;

namespace Workflow.Api.Security;

/// <summary>
/// Operators send their key in <c>X-Api-Key</c>: an account's key (<c>wf_{id}_{secret}</c>), read from storage on every
/// request so a rotation or revocation applies at once, or the configured key, the break-glass administrator of the root
/// scope that issues the first accounts. No header means "not this scheme", a wrong key fails.
/// </summary>
public sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes,
    IOptions<OperatorOptions> operators,
    IOperatorAccounts accounts,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    // The name the shared key always had: records of who did what before accounts existed keep reading the same.
    public const string BootstrapName = "operator";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiAuth.ApiKeyHeader, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var given = values.ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(operators.Value.ApiKey), Encoding.UTF8.GetBytes(given)))
        {
            return Success(OperatorIdentity.Claims(ApiAuth.BootstrapOperatorId, BootstrapName, OperatorRole.Administrator, OperatorScope.Root, "bootstrap", Scheme.Name));
        }

        if (OperatorKey.Parse(given) is not var (id, secret)
            || await accounts.GetAsync(id, Context.RequestAborted) is not { RevokedAt: null } account
            || !OperatorKey.Matches(account.SecretHash, secret))
        {
            return AuthenticateResult.Fail("Invalid operator key.");
        }

        return Success(OperatorIdentity.Claims(account.Id, account.Name, account.Role, account.Scope, "key", Scheme.Name));
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
}
