using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>Tổng hợp ngay: consolidates a running cycle at its current instant, without closing it, and keeps the result.</summary>
internal sealed class ConsolidateCommand : IOperatorCommand
{
    public string Name => "consolidate";

    public string Usage => "consolidate <mã-chu-kỳ> [--by <người-yêu-cầu>] [--note <ghi-chú>]";

    public string Description => "tổng hợp ngay tại thời điểm hiện tại của chu kỳ (không kết thúc chu kỳ), lưu thành một bản tổng hợp riêng";

    public IReadOnlyCollection<string> Options { get; } = ["--by", "--note"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        var snapshot = await context.Api.TakeSnapshotAsync(id, new SnapshotRequest(arguments.Single("--by"), arguments.Single("--note")), cancellationToken);
        context.Output.WriteLine($"✓ Đã lập bản tổng hợp của chu kỳ {id}; chu kỳ vẫn tiếp tục.");
        SnapshotRenderer.WriteOne(snapshot, context.Output);
        context.Output.WriteLine($"Tải các tệp: workflow export {id} --snapshot {snapshot.Id}");
        return 0;
    }
}
