namespace Workflow.Cli.Commands;

/// <summary>Forwards a relay's picks of a round, with their dossiers, to the round of the cycle above.</summary>
internal sealed class ForwardCommand : IOperatorCommand
{
    public string Name => "forward";

    public string Usage => "forward <kỳ-cấp-dưới> <đợt>";

    public string Description =>
        "gửi các đề nghị khen thưởng đơn vị trung gian đã lựa chọn (trong chỉ tiêu) kèm hồ sơ lên đợt của cấp trên; cấp trên xét lại theo quy định và thời hạn của mình (mã thoát 1 nếu có đề nghị bị từ chối)";

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id, var round])
        {
            return context.UsageError(this, "Cần mã kỳ báo cáo cấp dưới và mã đợt.");
        }

        var rows = await context.Api.ForwardAsync(id, round, cancellationToken);
        foreach (var row in rows)
        {
            if (row.Accepted)
            {
                context.Output.WriteLine($"✓ {row.Name}: cấp trên đã nhận, biên nhận số {row.ReceiptNumber ?? "—"} (mã {row.ParentNominationId ?? row.NominationId})");
                continue;
            }

            context.Output.WriteLine($"✗ {row.Name}: cấp trên không nhận");
            foreach (var problem in row.Problems ?? [])
            {
                context.Output.WriteLine($"    - {problem}");
            }
        }

        var refused = rows.Count(r => !r.Accepted);
        context.Output.WriteLine($"Đã gửi {rows.Count} đề nghị của đợt «{round}» lên cấp trên: nhận {rows.Count - refused}, không nhận {refused}.");
        return refused == 0 ? 0 : 1;
    }
}
