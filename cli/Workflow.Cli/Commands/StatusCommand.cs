using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

internal sealed class StatusCommand : IOperatorCommand
{
    public string Name => "status";

    public string Usage => "status <mã-chu-kỳ>";

    public string Description => "tiến độ theo khối, hạn tiếp theo, số liệu của một chu kỳ";

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        CycleStatusRenderer.Write(await context.Api.GetAsync(id, cancellationToken), context.Output);
        return 0;
    }
}
