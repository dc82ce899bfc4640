using Microsoft.AspNetCore.Authorization;

namespace Workflow.Api.Security;

/// <summary>Why an operator was refused, in Vietnamese: the 403 problem's detail.</summary>
public sealed class OperatorAccessDenied(IAuthorizationHandler handler, string reason, string detail) : AuthorizationFailureReason(handler, detail)
{
    /// <summary>"role", "administrator" or "scope", as the audit records it.</summary>
    public string Reason { get; } = reason;
}
