using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

internal sealed class ListCommand : IOperatorCommand
{
    public string Name => "list";

    public string Usage => "list";

    public string Description => "liệt kê các chu kỳ";

    public IReadOnlyCollection<string> Flags { get; } = ["--json"];

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals.Count != 0)
        {
            return context.UsageError(this, "Lệnh list không nhận tham số.");
        }

        if (arguments.Has("--json"))
        {
            return JsonOutput.Write(await context.Api.ListJsonAsync(cancellationToken), context.Output);
        }

        CycleListRenderer.Write(await context.Api.ListAsync(cancellationToken), context.Output, context.Console);
        return 0;
    }
}
