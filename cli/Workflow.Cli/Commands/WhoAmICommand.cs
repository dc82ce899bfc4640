using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>Who the key belongs to: name, role and scope.</summary>
internal sealed class WhoAmICommand : IOperatorCommand
{
    public string Name => "whoami";

    public string Usage => "whoami";

    public string Description => "tài khoản của khoá đang dùng: tên, vai trò, phạm vi";

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals.Count > 0)
        {
            return context.UsageError(this, "Lệnh này không nhận tham số.");
        }

        var me = await context.Api.WhoAmIAsync(cancellationToken);
        context.Output.WriteLine($"{me.Name} ({me.Id})");
        context.Output.WriteLine($"  Vai trò: {OperatorLabels.Role(me.Role)}");
        context.Output.WriteLine($"  Phạm vi: {OperatorLabels.Scope(me.Scope)}");
        return 0;
    }
}
