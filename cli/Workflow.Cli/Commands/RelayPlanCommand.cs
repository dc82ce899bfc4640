using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Cli.Commands;

/// <summary>
/// A relay issues its own plan to the units under it: a sub-cycle derived from the cycle's plan, with the relay's
/// deadlines (each before its own deadline to the cycle above).
/// </summary>
internal sealed class RelayPlanCommand : IOperatorCommand
{
    public string Name => "relay-plan";

    public string Usage =>
        "relay-plan <mã-chu-kỳ> <đơn-vị-trung-gian> --deadline <nội-dung>=<yyyy-MM-dd> [--deadline ...] [--semantics before|by] [--number <số kế hoạch>] [--file <yêu-cầu.json>]";

    public string Description =>
        "ban hành kế hoạch cấp mình của một đơn vị trung gian cho các đơn vị trực thuộc (kỳ báo cáo cấp dưới); mỗi --deadline là hạn "
        + "của một nội dung phải nộp hoặc đợt đề nghị, phải trước hạn của đơn vị với cấp trên (--semantics before = «trước ngày», "
        + "by = «hoàn thành trong ngày», mặc định before); --file gửi nguyên yêu cầu JSON (deadlines, reminders, units, blocks, "
        + "deliverables), --deadline và --number ghi đè lên tệp";

    public IReadOnlyCollection<string> Options { get; } = ["--deadline", "--semantics", "--number", "--file"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        string? fileJson = null;
        if (arguments.Single("--file") is { } file)
        {
            if (!File.Exists(file))
            {
                context.Error.WriteLine($"✗ {file}: không tìm thấy tệp.");
                return 1;
            }

            fileJson = await File.ReadAllTextAsync(file, cancellationToken);
        }

        var (id, relay, json, error) = Build(arguments, fileJson);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        var started = await context.Api.IssueRelayPlanAsync(id!, relay!, json!, cancellationToken);
        context.Output.WriteLine($"✓ Đã ban hành kế hoạch cấp mình của «{started.RelayUnitId}» (chu kỳ cấp trên {started.ParentCycleId}): kỳ báo cáo {started.CycleId}.");
        context.Output.WriteLine($"  {started.Title}");
        context.Output.WriteLine($"  {started.Units} đơn vị trực thuộc nhận kế hoạch.");
        if (started.Deliverables.Count > 0)
        {
            context.Output.WriteLine("  Nội dung phải nộp:");
            foreach (var d in started.Deliverables)
            {
                var accepted = string.IsNullOrWhiteSpace(d.LastAcceptedText) ? "" : $" (nhận đến {d.LastAcceptedText})";
                context.Output.WriteLine($"    {d.Title}{(d.Optional ? " (không bắt buộc)" : "")}: {d.DeadlineText}{accepted}");
            }
        }

        context.Output.WriteLine($"  Theo dõi: workflow status {started.CycleId}");
        return 0;
    }

    /// <summary>
    /// The cycle, the relay and the RelayPlanRequest as JSON: the --file's request (if any) with the --deadline and
    /// --number given on the command line over it; or what is wrong with the command line.
    /// </summary>
    public static (string? Id, string? Relay, string? Json, string? Error) Build(ParsedArguments arguments, string? fileJson)
    {
        if (arguments.Positionals is not [var id, var relay])
        {
            return (null, null, null, "Cần mã chu kỳ và mã đơn vị trung gian.");
        }

        var semantics = arguments.Single("--semantics") ?? "before";
        if (semantics is not ("before" or "by"))
        {
            return (id, relay, null, $"--semantics không hợp lệ: «{semantics}» (before = trước ngày, by = hoàn thành trong ngày).");
        }

        JsonObject request;
        if (fileJson is null)
        {
            request = [];
        }
        else
        {
            try
            {
                request = JsonNode.Parse(fileJson) as JsonObject ?? throw new JsonException("không phải một đối tượng JSON");
            }
            catch (JsonException e)
            {
                return (id, relay, null, $"Tệp yêu cầu (--file) không phải JSON hợp lệ: {e.Message}");
            }
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in arguments.All("--deadline"))
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var subject = equals > 0 ? value[..equals].Trim() : "";
            var date = equals > 0 ? value[(equals + 1)..].Trim() : "";
            if (subject.Length == 0 || date.Length == 0)
            {
                return (id, relay, null, $"--deadline không hợp lệ: «{value}» (cần dạng <nội-dung>=yyyy-MM-dd, ví dụ bao-cao=2024-04-25).");
            }

            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return (id, relay, null, $"Ngày không hợp lệ cho «{subject}»: «{date}» (cần dạng yyyy-MM-dd, ví dụ 2024-04-25).");
            }

            if (!given.TryAdd(subject, date))
            {
                return (id, relay, null, $"Hạn của «{subject}» được nêu hai lần.");
            }
        }

        if (given.Count == 0 && fileJson is null)
        {
            return (id, relay, null, "Cần ít nhất một --deadline <nội-dung>=yyyy-MM-dd (hoặc --file <yêu-cầu.json>).");
        }

        if (given.Count > 0)
        {
            if (request["deadlines"] is not JsonObject deadlines)
            {
                request["deadlines"] = deadlines = [];
            }

            foreach (var (subject, date) in given)
            {
                deadlines[subject] = new JsonObject { ["semantics"] = semantics, ["date"] = date };
            }
        }

        if (arguments.Single("--number") is { } number)
        {
            request["number"] = number;
        }

        return (id, relay, request.ToJsonString(), null);
    }
}
