using System.Globalization;
using System.Security.Claims;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Api.Security;
using Workflow.Domain.Access;

namespace Workflow.Api.Handlers;

/// <summary>Operator accounts (issue, list, revoke, rotate; administrators only), the denials audit, and who am I.</summary>
public static class OperatorHandlers
{
    public const int MaxNameLength = 200;
    public const int MaxDenials = 1000;

    public static IResult Me(ClaimsPrincipal user) =>
        OperatorIdentity.From(user) is { } me
            ? Results.Ok(new WhoAmI(me.Id, me.Name, me.Role, me.Scope, me.Source))
            : ApiProblems.Problem(StatusCodes.Status403Forbidden, "Không có quyền", "Thông tin xác thực này không phải của cán bộ vận hành.");

    public static async Task<IResult> IssueAsync(HttpRequest request, ClaimsPrincipal user, IOperatorAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiJson.ReadBodyAsync<OperatorBody>(request, cancellationToken: cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        var errors = new List<FieldError>();
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(new FieldError("name", $"Cần tên hiển thị của tài khoản (1–{MaxNameLength} ký tự, không có ký tự điều khiển)."));
        }

        // The three names only (Enum.TryParse would also take numbers and comma lists).
        var role = Role(body?.Role);
        if (role is null)
        {
            errors.Add(new FieldError("role", "Vai trò phải là administrator (quản trị), operator (vận hành) hoặc viewer (chỉ xem)."));
        }

        if (!OperatorScope.IsValid(body?.Scope))
        {
            errors.Add(new FieldError("scope", "Phạm vi phải là mã một đơn vị trong cây (đơn vị đó và các đơn vị cấp dưới) hoặc «*» (toàn hệ thống)."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("Tài khoản cán bộ vận hành không hợp lệ.", errors);
        }

        var id = OperatorKey.NewId();
        var (key, hash) = OperatorKey.Create(id);
        var account = new OperatorAccount(id, name!, role!.Value, body!.Scope!, hash, time.GetUtcNow(), By(user));
        await accounts.CreateAsync(account, cancellationToken);
        return Results.Created($"/api/operators/{id}", new OperatorIssued(OperatorInfo.Of(account), key));
    }

    public static async Task<IResult> ListAsync(IOperatorAccounts accounts, CancellationToken cancellationToken) =>
        Results.Ok((await accounts.ListAsync(cancellationToken)).OrderBy(a => a.CreatedAt).Select(OperatorInfo.Of).ToList());

    public static async Task<IResult> RevokeAsync(string operatorId, ClaimsPrincipal user, IOperatorAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await accounts.GetAsync(operatorId, cancellationToken) is not { } account)
        {
            return NotFound(operatorId);
        }

        if (account.RevokedAt is null)
        {
            account = account with { RevokedAt = time.GetUtcNow(), RevokedBy = By(user) };
            await accounts.UpdateAsync(account, cancellationToken);
        }

        return Results.Ok(OperatorInfo.Of(account));
    }

    public static async Task<IResult> RotateAsync(string operatorId, IOperatorAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await accounts.GetAsync(operatorId, cancellationToken) is not { } account)
        {
            return NotFound(operatorId);
        }

        if (account.RevokedAt is not null)
        {
            return ApiProblems.Conflict($"Tài khoản «{operatorId}» đã bị thu hồi; hãy cấp tài khoản mới.");
        }

        // The old key stops at once: every request reads the account's current hash.
        var (key, hash) = OperatorKey.Create(account.Id);
        account = account with { SecretHash = hash, RotatedAt = time.GetUtcNow() };
        await accounts.UpdateAsync(account, cancellationToken);
        return Results.Ok(new OperatorIssued(OperatorInfo.Of(account), key));
    }

    public static async Task<IResult> DenialsAsync(string? limit, IOperatorAccounts accounts, CancellationToken cancellationToken)
    {
        var count = 200;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxDenials))
        {
            return ApiProblems.BadRequest("limit", $"limit phải là số từ 1 đến {MaxDenials}.");
        }

        return Results.Ok(await accounts.DenialsAsync(count, cancellationToken));
    }

    private static OperatorRole? Role(string? text) => text?.ToLowerInvariant() switch
    {
        "administrator" => OperatorRole.Administrator,
        "operator" => OperatorRole.Operator,
        "viewer" => OperatorRole.Viewer,
        _ => null,
    };

    private static string By(ClaimsPrincipal user) => OperatorIdentity.From(user) is { } me ? $"{me.Id} ({me.Name})" : "";

    private static IResult NotFound(string operatorId) => ApiProblems.NotFound($"Không có tài khoản cán bộ vận hành «{operatorId}».");
}
