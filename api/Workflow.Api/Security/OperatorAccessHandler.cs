using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Access;

namespace Workflow.Api.Security;

/// <summary>
/// One check for every operator route, present and future, read from the request alone: viewers only read; account
/// management is for root administrators; a route with a cycle (<c>{id}</c>) is allowed when the operator's scope is the
/// root or one of the relays in the cycle's lineage (with <c>{relayId}</c> appended, for the relay's own sub-cycle issued
/// under <c>{id}</c>); a route without a cycle needs the root scope. Every refusal is audited.
/// </summary>
public sealed partial class OperatorAccessHandler(ICycleLinks links, IPlanStore plans, IOperatorAccounts accounts, TimeProvider time, ILogger<OperatorAccessHandler> logger)
    : AuthorizationHandler<OperatorAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorAccessRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        // Units and anonymous callers fail the policy's actor claim; only operators are judged (and audited) here.
        if (OperatorIdentity.From(context.User) is not { } caller || context.Resource is not HttpContext http)
        {
            return;
        }

        var method = http.Request.Method;
        var cycleId = http.Request.RouteValues.TryGetValue(ApiAuth.CycleRouteValue, out var id) ? id?.ToString() : null;
        var reading = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        if (caller.Role == OperatorRole.Viewer && !reading)
        {
            await DenyAsync(context, http, caller, cycleId, "role", "Tài khoản chỉ được xem (vai trò xem), không được thay đổi gì.");
            return;
        }

        switch (requirement.Mode)
        {
            case OperatorAccessMode.Administrator when !caller.IsRootAdministrator:
                await DenyAsync(context, http, caller, cycleId, "administrator", "Chỉ quản trị viên toàn hệ thống mới quản lý tài khoản cán bộ vận hành.");
                return;
            case OperatorAccessMode.Administrator or OperatorAccessMode.AnyScope:
                context.Succeed(requirement);
                return;
        }

        if (OperatorScope.IsRoot(caller.Scope))
        {
            context.Succeed(requirement);
            return;
        }

        if (cycleId is null)
        {
            await DenyAsync(context, http, caller, null, "scope", "Chức năng này dành cho cán bộ vận hành toàn hệ thống; tài khoản chỉ có quyền trong phạm vi «" + caller.Scope + "».");
            return;
        }

        if (OperatorScope.Covers(caller.Scope, await LineageAsync(http, cycleId)))
        {
            context.Succeed(requirement);
            return;
        }

        await DenyAsync(context, http, caller, cycleId, "scope", $"Kỳ báo cáo «{cycleId}» nằm ngoài phạm vi của tài khoản (đơn vị «{caller.Scope}» và các đơn vị cấp dưới).");
    }

    /// <summary>The relays from the top cycle down to the route's cycle: empty for a top cycle or an id that names none.</summary>
    private async Task<IReadOnlyList<string>> LineageAsync(HttpContext http, string cycleId)
    {
        // A malformed id names no cycle and must not become a table key.
        List<string> lineage = OperatorScope.IsValid(cycleId) && !OperatorScope.IsRoot(cycleId)
            ? [.. (await links.GetAsync(cycleId, http.RequestAborted))?.Lineage ?? []]
            : [];
        // The relay extends the lineage only when it is a unit of that cycle's plan: a district cannot name itself
        // the relay of another district's sub-cycle to reach it.
        if (http.Request.RouteValues.TryGetValue(ApiAuth.RelayRouteValue, out var relay) && relay?.ToString() is { Length: > 0 } relayId
            && OperatorScope.IsValid(cycleId) && !OperatorScope.IsRoot(cycleId)
            && (await plans.GetAsync(cycleId, http.RequestAborted))?.Units.Any(u => u.Id == relayId) == true)
        {
            lineage.Add(relayId);
        }

        return lineage;
    }

    private async Task DenyAsync(AuthorizationHandlerContext context, HttpContext http, OperatorIdentity caller, string? cycleId, string reason, string detail)
    {
        context.Fail(new OperatorAccessDenied(this, reason, detail));
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var denial = new AccessDenial(
            time.GetUtcNow(), caller.Id, caller.Name, caller.Role.ToString(), caller.Scope, http.Request.Method, http.Request.Path.ToString(), route, cycleId, reason);
        Log.Denied(logger, caller.Id, http.Request.Method, http.Request.Path, reason);
        try
        {
            await accounts.RecordDenialAsync(denial, http.RequestAborted);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            // The refusal stands without its row: storage being down must not turn a 403 into a 500; the log keeps it.
            Log.AuditFailed(logger, caller.Id, http.Request.Path, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Operator {OperatorId} refused: {Method} {Path} ({Reason})")]
        public static partial void Denied(ILogger logger, string operatorId, string method, PathString path, string reason);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "The refusal of operator {OperatorId} on {Path} could not be audited: {Error}")]
        public static partial void AuditFailed(ILogger logger, string operatorId, PathString path, string error);
    }
}
