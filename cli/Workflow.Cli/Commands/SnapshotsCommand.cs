using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>The consolidation snapshots of a cycle, newest first, or one of them with its files.</summary>
internal sealed class SnapshotsCommand : IOperatorCommand
{
    public string Name => "snapshots";

    public string Usage => "snapshots <mã-chu-kỳ> [--show <mã-bản-tổng-hợp>]";

    public string Description => "liệt kê các bản tổng hợp đã lập trong chu kỳ (lúc nào, ai yêu cầu, số liệu); --show xem một bản và các tệp của nó";

    public IReadOnlyCollection<string> Flags { get; } = ["--json"];

    public IReadOnlyCollection<string> Options { get; } = ["--show"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Has("--json"))
        {
            return JsonOutput.Write(await context.Api.GetJsonAsync($"{OperatorClient.CyclePath(id)}/consolidations" + (arguments.Single("--show") is { } one ? $"/{Uri.EscapeDataString(one)}" : ""), cancellationToken), context.Output);
        }

        if (arguments.Single("--show") is { } snapshotId)
        {
            SnapshotRenderer.WriteOne(await context.Api.SnapshotAsync(id, snapshotId, cancellationToken), context.Output);
            return 0;
        }

        SnapshotRenderer.WriteList(id, await context.Api.SnapshotsAsync(id, cancellationToken), context.Output);
        return 0;
    }
}
