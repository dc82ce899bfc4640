using System.Globalization;
using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

internal sealed class ExtendCommand : IOperatorCommand
{
    public string Name => "extend";

    public string Usage =>
        "extend <mã-chu-kỳ> --subject <nội-dung> (--before yyyy-MM-dd | --by yyyy-MM-dd | --within-month yyyy-MM) [--unit <đơn-vị>]... --by-whom <người đề nghị> --reason <lý do>";

    public string Description => "gia hạn một nội dung phải nộp, cho mọi đơn vị hoặc cho các đơn vị nêu tên";

    public IReadOnlyCollection<string> Options { get; } = ["--subject", "--before", "--by", "--within-month", "--unit", "--by-whom", "--reason"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        var (id, request, error) = Build(arguments);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        var accepted = await context.Api.ExtendAsync(id!, request!, cancellationToken);
        if (accepted.DatesRound)
        {
            // The first change naming a round the plan left undated dates it.
            context.Output.WriteLine($"✓ Đã gửi yêu cầu ấn định thời hạn đợt «{request!.Subject}» của chu kỳ {id}: {Describe(request.NewDeadline)}, áp dụng cho mọi đơn vị được đề nghị.");
            return 0;
        }

        var units = request!.Units.Count == 0 ? "mọi đơn vị" : $"{request.Units.Count} đơn vị ({string.Join(", ", request.Units)})";
        context.Output.WriteLine($"✓ Đã gửi yêu cầu gia hạn «{request.Subject}» của chu kỳ {id}: {Describe(request.NewDeadline)}, áp dụng cho {units}.");
        return 0;
    }

    /// <summary>Turns the command line into the API's request, or says what is missing or malformed.</summary>
    public static (string? Id, ExtensionRequest? Request, string? Error) Build(ParsedArguments arguments)
    {
        if (arguments.Positionals is not [var id])
        {
            return (null, null, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Single("--subject") is not { } subject)
        {
            return (id, null, "Cần nêu nội dung được gia hạn (--subject).");
        }

        var (deadline, wrong) = Deadline(arguments, "hạn mới");
        if (deadline is null)
        {
            return (id, null, wrong);
        }

        if (arguments.Single("--by-whom") is not { } requestedBy)
        {
            return (id, null, "Cần nêu người đề nghị gia hạn (--by-whom).");
        }

        if (arguments.Single("--reason") is not { } reason)
        {
            return (id, null, "Cần nêu lý do gia hạn (--reason).");
        }

        // --unit may repeat or carry a comma-separated list.
        var units = arguments.All("--unit")
            .SelectMany(u => u.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (id, new ExtensionRequest(subject, deadline, units, requestedBy, reason), null);
    }

    /// <summary>The one deadline given by --before, --by or --within-month, or what is wrong with it.</summary>
    public static (NewDeadline? Deadline, string? Error) Deadline(ParsedArguments arguments, string what)
    {
        var given = new[] { "--before", "--by", "--within-month" }.Where(arguments.Has).ToList();
        if (given.Count != 1)
        {
            return (null, $"Cần đúng một {what}: --before, --by hoặc --within-month.");
        }

        var value = arguments.Single(given[0])!;
        if (given[0] == "--within-month")
        {
            return DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? (new NewDeadline("within-month", null, value), null)
                : (null, $"Tháng không hợp lệ: «{value}» (cần dạng yyyy-MM, ví dụ 2024-05).");
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? (new NewDeadline(given[0] == "--before" ? "before" : "by", value, null), null)
            : (null, $"Ngày không hợp lệ: «{value}» (cần dạng yyyy-MM-dd, ví dụ 2024-05-01).");
    }

    public static string Describe(NewDeadline deadline)
    {
        if (deadline.Semantics == "within-month")
        {
            var month = DateOnly.ParseExact(deadline.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return $"trong tháng {month.ToString("MM/yyyy", CultureInfo.InvariantCulture)}";
        }

        var day = DateOnly.ParseExact(deadline.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return deadline.Semantics == "before" ? $"trước ngày {day}" : $"hoàn thành trong ngày {day}";
    }
}
