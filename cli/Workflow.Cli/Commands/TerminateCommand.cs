namespace Workflow.Cli.Commands;

internal sealed class TerminateCommand : IOperatorCommand
{
    public string Name => "terminate";

    public string Usage => "terminate <mã-chu-kỳ> --reason <lý do>";

    public string Description => "dừng hẳn một chu kỳ (ghi lại lý do)";

    public IReadOnlyCollection<string> Options { get; } = ["--reason"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Single("--reason") is not { } reason)
        {
            return context.UsageError(this, "Cần nêu lý do dừng (--reason).");
        }

        await context.Api.TerminateAsync(id, reason, cancellationToken);
        context.Output.WriteLine($"✓ Đã gửi yêu cầu dừng chu kỳ {id}. Lý do: {reason}");
        return 0;
    }
}
