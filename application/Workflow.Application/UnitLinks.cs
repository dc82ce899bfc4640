using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Domain.Access;

namespace Workflow.Application;

/// <summary>Issues and checks the per-unit, per-cycle links that go out in units' e-mails; they expire when the cycle closes.</summary>
public sealed class UnitLinks(IOptions<CycleOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.LinkKey);

    public string Token(Plan plan, string cycleId, string unitId) => UnitLinkToken.Create(_key, cycleId, unitId, plan.ClosesAt());

    public UploadLink Link(Plan plan, string cycleId, string unitId) => UploadLink.For(options.Value.PublicBaseUrl, Token(plan, cycleId, unitId));

    /// <summary>
    /// Where a unit downloads a form's template with its token (escaped, or a mail's substitution tag): the API route,
    /// which takes the token from the query string, as a link in an e-mail must.
    /// </summary>
    public string TemplateUrl(string fileName, string escapedToken) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/unit/templates/{Uri.EscapeDataString(fileName)}?token={escapedToken}";

    public UnitLinkClaims? Validate(string? token, DateTimeOffset now) => UnitLinkToken.Validate(_key, token, now);
}
