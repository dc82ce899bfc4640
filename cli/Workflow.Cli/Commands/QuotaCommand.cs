using System.Globalization;
using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

/// <summary>Sets the numbers of a round's quota rule the plan left pending ("chờ chỉ tiêu"); the round is judged with them.</summary>
internal sealed class QuotaCommand : IOperatorCommand
{
    private static readonly string[] Numbers = ["--max", "--max-collective", "--max-individual", "--min-police", "--max-police"];

    public string Name => "quota";

    public string Usage =>
        "quota <mã-chu-kỳ> --round <đợt> --quota <chỉ-tiêu> [--max N] [--max-collective N] [--max-individual N] [--min-police N] [--max-police N] --by-whom <người nhập> --reason <căn cứ>";

    public string Description => "nhập số lượng cho chỉ tiêu khen thưởng đang chờ (đợt chờ chỉ tiêu được xét khi đủ số lượng)";

    public IReadOnlyCollection<string> Options { get; } =
        ["--round", "--quota", "--max", "--max-collective", "--max-individual", "--min-police", "--max-police", "--by-whom", "--reason"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        var (id, round, quota, request, error) = Build(arguments);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        var accepted = await context.Api.SetQuotaAsync(id!, round!, quota!, request!, cancellationToken);
        var next = accepted.StillPending.Count == 0
            ? "đợt sẽ được xét với các số lượng này"
            : $"đợt còn chờ chỉ tiêu: {string.Join(", ", accepted.StillPending)}";
        context.Output.WriteLine($"✓ Đã nhập chỉ tiêu «{quota}» của đợt «{round}» (chu kỳ {id}): {accepted.NumbersText}; {next}.");
        return 0;
    }

    public static (string? Id, string? Round, string? Quota, QuotaRequest? Request, string? Error) Build(ParsedArguments arguments)
    {
        if (arguments.Positionals is not [var id])
        {
            return (null, null, null, null, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Single("--round") is not { } round)
        {
            return (id, null, null, null, "Cần nêu đợt khen thưởng (--round).");
        }

        if (arguments.Single("--quota") is not { } quota)
        {
            return (id, round, null, null, "Cần nêu mã chỉ tiêu (--quota).");
        }

        var values = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var option in Numbers)
        {
            if (arguments.Single(option) is not { } text)
            {
                values[option] = null;
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return (id, round, quota, null, $"Số lượng không hợp lệ cho {option}: «{text}» (cần số nguyên không âm).");
            }

            values[option] = number;
        }

        if (values.Values.All(v => v is null))
        {
            return (id, round, quota, null, $"Cần ít nhất một số lượng: {string.Join(", ", Numbers)}.");
        }

        if (arguments.Single("--by-whom") is not { } requestedBy)
        {
            return (id, round, quota, null, "Cần nêu người nhập chỉ tiêu (--by-whom).");
        }

        if (arguments.Single("--reason") is not { } reason)
        {
            return (id, round, quota, null, "Cần nêu căn cứ, lý do (--reason), ví dụ số văn bản giao chỉ tiêu.");
        }

        return (id, round, quota, new QuotaRequest(values["--max"], values["--max-collective"], values["--max-individual"], values["--min-police"], values["--max-police"], requestedBy, reason), null);
    }
}
