using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

/// <summary>
/// Dates a nomination round the plan left without a deadline ("chưa ấn định thời hạn"), for all its proposers. It is
/// the extension route's first change for that round; its reminders and its close follow from the date.
/// </summary>
internal sealed class DateCommand : IOperatorCommand
{
    public string Name => "date";

    public string Usage =>
        "date <mã-chu-kỳ> --round <đợt> (--before yyyy-MM-dd | --by yyyy-MM-dd | --within-month yyyy-MM) --by-whom <người đề nghị> --reason <lý do>";

    public string Description => "ấn định thời hạn cho đợt đề nghị khen thưởng chưa có thời hạn (áp dụng cho mọi đơn vị được đề nghị)";

    public IReadOnlyCollection<string> Options { get; } = ["--round", "--before", "--by", "--within-month", "--by-whom", "--reason"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        var (id, request, error) = Build(arguments);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        var accepted = await context.Api.ExtendAsync(id!, request!, cancellationToken);
        context.Output.WriteLine(accepted.DatesRound
            ? $"✓ Đã gửi yêu cầu ấn định thời hạn đợt «{request!.Subject}» của chu kỳ {id}: {ExtendCommand.Describe(request.NewDeadline)} (nhận đến {accepted.LastAcceptedText}), áp dụng cho mọi đơn vị được đề nghị."
            : $"✓ Đợt «{request!.Subject}» của chu kỳ {id} đã có thời hạn; yêu cầu được gửi như một lần gia hạn: {ExtendCommand.Describe(request.NewDeadline)}.");
        return 0;
    }

    public static (string? Id, ExtensionRequest? Request, string? Error) Build(ParsedArguments arguments)
    {
        if (arguments.Positionals is not [var id])
        {
            return (null, null, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Single("--round") is not { } round)
        {
            return (id, null, "Cần nêu đợt đề nghị khen thưởng (--round).");
        }

        var (deadline, wrong) = ExtendCommand.Deadline(arguments, "thời hạn");
        if (deadline is null)
        {
            return (id, null, wrong);
        }

        if (arguments.Single("--by-whom") is not { } requestedBy)
        {
            return (id, null, "Cần nêu người đề nghị ấn định thời hạn (--by-whom).");
        }

        if (arguments.Single("--reason") is not { } reason)
        {
            return (id, null, "Cần nêu lý do, căn cứ ấn định thời hạn (--reason).");
        }

        return (id, new ExtensionRequest(round, deadline, [], requestedBy, reason), null);
    }
}
