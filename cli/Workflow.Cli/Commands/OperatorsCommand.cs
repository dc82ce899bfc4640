using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>Operator accounts (administrators): issue, list, revoke, rotate, and the refused requests. A key is printed once.</summary>
internal sealed class OperatorsCommand : IOperatorCommand
{
    private static readonly string[] Roles = ["administrator", "operator", "viewer"];

    public string Name => "operators";

    public string Usage => "operators issue --name <tên> --role administrator|operator|viewer --scope <mã-đơn-vị>|* | list | revoke <mã> | rotate <mã> | denials";

    public string Description => "quản lý tài khoản cán bộ vận hành (chỉ quản trị viên); khoá chỉ in ra một lần khi cấp hoặc đổi";

    public IReadOnlyCollection<string> Options { get; } = ["--name", "--role", "--scope"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        switch (arguments.Positionals)
        {
            case ["issue"]:
                var (name, role, scope) = (arguments.Single("--name"), arguments.Single("--role"), arguments.Single("--scope"));
                if (string.IsNullOrWhiteSpace(name) || role is null || !Roles.Contains(role) || string.IsNullOrWhiteSpace(scope))
                {
                    return context.UsageError(this, "Cần --name, --role (administrator, operator hoặc viewer) và --scope (mã đơn vị, hoặc * cho toàn hệ thống).");
                }

                WriteKey(await context.Api.IssueOperatorAsync(new OperatorRequest(name, role, scope), cancellationToken), "Đã cấp tài khoản", context.Output);
                return 0;
            case ["list"]:
                var accounts = await context.Api.OperatorsAsync(cancellationToken);
                context.Output.WriteLine($"{accounts.Count} tài khoản:");
                foreach (var account in accounts)
                {
                    var state = account.RevokedAt is { } revoked ? $"đã thu hồi {revoked.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm}" : "đang dùng";
                    context.Output.WriteLine($"  {account.Id}  {account.Name}  {OperatorLabels.Role(account.Role)}  {OperatorLabels.Scope(account.Scope)}  ({state})");
                }

                return 0;
            case ["revoke", var id]:
                var revokedAccount = await context.Api.RevokeOperatorAsync(id, cancellationToken);
                context.Output.WriteLine($"✓ Đã thu hồi tài khoản {revokedAccount.Id} ({revokedAccount.Name}); khoá của tài khoản hết hiệu lực ngay.");
                return 0;
            case ["rotate", var id]:
                WriteKey(await context.Api.RotateOperatorAsync(id, cancellationToken), "Đã đổi khoá; khoá cũ hết hiệu lực ngay", context.Output);
                return 0;
            case ["denials"]:
                var denials = await context.Api.DenialsAsync(cancellationToken);
                context.Output.WriteLine($"{denials.Count} lần bị từ chối (mới nhất trước):");
                foreach (var d in denials)
                {
                    context.Output.WriteLine($"  {d.At.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm:ss}  {d.OperatorName} ({d.OperatorId}, {d.Scope})  {d.Method} {d.Path}  [{d.Reason}]");
                }

                return 0;
            default:
                return context.UsageError(this, "Dùng một trong: issue, list, revoke <mã>, rotate <mã>, denials.");
        }
    }

    private static void WriteKey(OperatorIssued issued, string what, TextWriter output)
    {
        var account = issued.Operator;
        output.WriteLine($"✓ {what}: {account.Name} ({account.Id}), {OperatorLabels.Role(account.Role)}, {OperatorLabels.Scope(account.Scope)}.");
        output.WriteLine("  Khoá (chỉ hiện lần này, hãy lưu lại an toàn; máy chủ chỉ giữ mã băm):");
        output.WriteLine(issued.Key);
    }
}
