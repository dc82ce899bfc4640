namespace Workflow.Cli.Commands;

/// <summary>Moves a stepped rehearsal's business clock on: to a given instant, or to the cycle's next schedule instant.</summary>
internal sealed class AdvanceCommand : IOperatorCommand
{
    public string Name => "advance";

    public string Usage => "advance <mã-chu-kỳ> [--to \"dd/MM/yyyy[ HH:mm]\"]";

    public string Description =>
        "diễn tập từng bước: chuyển thời gian của chu kỳ tới mốc kế tiếp (nhắc hạn, hạn chót, đôn đốc, kết thúc) hoặc tới thời điểm --to, giờ Việt Nam";

    public IReadOnlyCollection<string> Options { get; } = ["--to"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        var (id, to, error) = Build(arguments);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        var accepted = await context.Api.AdvanceAsync(id!, to, cancellationToken);
        var target = accepted.Reason ?? (to is { } at ? Rendering.Text.Instant(at) : "mốc kế tiếp");
        context.Output.WriteLine($"✓ Đã yêu cầu chuyển diễn tập {id} tới {target}{(to is null ? " (mốc kế tiếp)" : "")}.");
        context.Output.WriteLine($"  Xem kết quả: workflow status {id}");
        return 0;
    }

    public static (string? Id, DateTimeOffset? To, string? Error) Build(ParsedArguments arguments)
    {
        if (arguments.Positionals is [_, var stray] && arguments.Has("--to") && BusinessInstant.IsStrayTime(stray))
        {
            return (null, null, BusinessInstant.Unquoted("--to"));
        }

        if (arguments.Positionals is not [var id])
        {
            return (null, null, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Single("--to") is not { } text)
        {
            return (id, null, null);
        }

        return BusinessInstant.Parse(text) is { } to ? (id, to, null) : (id, null, BusinessInstant.Invalid("--to", text));
    }
}
