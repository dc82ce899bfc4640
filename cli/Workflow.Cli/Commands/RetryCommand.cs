namespace Workflow.Cli.Commands;

/// <summary>Runs a failed piece of a cycle again (its id is listed by <c>status</c>).</summary>
internal sealed class RetryCommand : IOperatorCommand
{
    public string Name => "retry";

    public string Usage => "retry <mã-chu-kỳ> <mã-phần-lỗi>";

    public string Description => "chạy lại một phần bị lỗi của chu kỳ (mã phần lỗi xem bằng status)";

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id, var pieceId])
        {
            return context.UsageError(this, "Cần mã chu kỳ và mã phần lỗi.");
        }

        var accepted = await context.Api.RetryAsync(id, pieceId, cancellationToken);
        context.Output.WriteLine($"✓ Đã yêu cầu chạy lại «{accepted.Reason ?? pieceId}» của chu kỳ {id}; xem kết quả bằng: workflow status {id}");
        return 0;
    }
}
