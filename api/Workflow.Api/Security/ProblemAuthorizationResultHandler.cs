using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Workflow.Api.Http;

namespace Workflow.Api.Security;

/// <summary>Answers 401 and 403 with problem details in Vietnamese, once, whichever schemes the policy tried.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiAuth.ApiKeyHeader}\", Bearer";
            await ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Chưa xác thực",
                "Thiếu hoặc sai khoá của cán bộ vận hành (X-Api-Key), hoặc đường dẫn của đơn vị không hợp lệ hay đã hết hạn.").ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            // An operator refused by role or scope is told which, in the words the access check chose.
            var denied = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<OperatorAccessDenied>().FirstOrDefault();
            await ApiProblems.Problem(StatusCodes.Status403Forbidden, "Không có quyền",
                denied?.Message ?? "Thông tin xác thực này không được dùng cho chức năng này.").ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
