using System.Globalization;
using Workflow.Cli.Api;

using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>
/// A round's award: its figures and the drafts for signature (tờ trình, quyết định, danh sách), downloaded into a
/// folder; with --number and --signed, records the decision once it is signed.
/// </summary>
internal sealed class AwardsCommand : IOperatorCommand
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string Name => "awards";

    public string Usage => "awards <mã-chu-kỳ> --round <đợt> [--out <thư-mục>] [--number <số quyết định> --signed <dd/MM/yyyy>]";

    public string Description => "tải dự thảo tờ trình, quyết định (.docx) và danh sách (.xlsx) của một đợt khen thưởng; có --number và --signed thì ghi quyết định đã ký";

    public IReadOnlyCollection<string> Flags { get; } = ["--json"];

    public IReadOnlyCollection<string> Options { get; } = ["--round", "--out", "--number", "--signed"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        if (arguments.Single("--round") is not { } round)
        {
            return context.UsageError(this, "Cần nêu đợt khen thưởng (--round).");
        }

        if (arguments.Has("--json"))
        {
            return JsonOutput.Write(await context.Api.GetJsonAsync($"{OperatorClient.CyclePath(id)}/awards/{Uri.EscapeDataString(round)}", cancellationToken), context.Output);
        }

        var number = arguments.Single("--number");
        var signedText = arguments.Single("--signed");
        if ((number is null) != (signedText is null))
        {
            return context.UsageError(this, "Ghi quyết định đã ký cần cả số (--number) và ngày ký (--signed dd/MM/yyyy).");
        }

        if (number is not null)
        {
            if (!DateOnly.TryParseExact(signedText, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedOn))
            {
                return context.UsageError(this, $"Ngày ký «{signedText}» không đúng dạng dd/MM/yyyy.");
            }

            await context.Api.RecordDecisionAsync(id, round, new DecisionRequest(number, signedOn), cancellationToken);
        }

        var award = await context.Api.AwardAsync(id, round, cancellationToken);
        if (award.Drafts.Count == 0)
        {
            context.Output.WriteLine($"Đợt «{award.AwardTitle}» chưa có kết quả lựa chọn (chưa xét xong hoặc cấp tỉnh chưa chọn), nên chưa có dự thảo.");
            return 0;
        }

        context.Output.WriteLine($"{award.AwardTitle} — {award.Authority}: {award.Proposed} đề nghị, {award.Refused} không đủ điều kiện; khen {award.Collectives} tập thể, {award.Individuals} cá nhân.");
        if (award.DecisionText is { } decision)
        {
            context.Output.WriteLine($"Đã ký: {decision}.");
        }

        var folder = Path.GetFullPath(arguments.Single("--out") ?? Path.Combine("awards", id, ExportCommand.SafeFileName(round)));
        Directory.CreateDirectory(folder);
        foreach (var draft in award.Drafts)
        {
            var path = Path.Combine(folder, ExportCommand.SafeFileName(draft.Name));
            await using (var file = File.Create(path))
            {
                await context.Api.DownloadAsync(draft, file, cancellationToken);
            }

            context.Output.WriteLine($"  ✓ {Path.GetFileName(path)} ({new FileInfo(path).Length.ToString("N0", Vietnamese)} byte)");
        }

        context.Output.WriteLine($"✓ Đã tải {award.Drafts.Count} dự thảo vào {folder}");
        return 0;
    }
}
