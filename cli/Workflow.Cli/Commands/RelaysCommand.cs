using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>Lists a cycle's relays: the units that run a sub-cycle of their own for the units under them.</summary>
internal sealed class RelaysCommand : IOperatorCommand
{
    public string Name => "relays";

    public string Usage => "relays <mã-chu-kỳ>";

    public string Description => "các đơn vị trung gian của chu kỳ (có đơn vị trực thuộc): số đơn vị trực thuộc, kỳ báo cáo cấp dưới hoặc «chưa ban hành», giai đoạn, tiến độ";

    public IReadOnlyCollection<string> Flags { get; } = ["--json"];

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Has("--json"))
        {
            return JsonOutput.Write(await context.Api.GetJsonAsync($"{OperatorClient.CyclePath(id)}/relays", cancellationToken), context.Output);
        }

        RelayRenderer.WriteTable(id, await context.Api.RelaysAsync(id, cancellationToken), context.Output);
        return 0;
    }
}
