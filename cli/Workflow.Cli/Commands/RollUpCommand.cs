using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

/// <summary>
/// A relay's report to the cycle above: shown as its sub-cycle pre-fills it, or sent with the relay's narrative file,
/// starting from the pre-filled figures, with the figures the relay corrects and a reason for each.
/// </summary>
internal sealed class RollUpCommand : IOperatorCommand
{
    private static readonly string[] SubmitOnly = ["--set", "--reason", "--statistics", "--form"];

    public string Name => "rollup";

    public string Usage =>
        "rollup <kỳ-cấp-dưới> <nội-dung> [--file <báo-cáo.pdf> [--set <biểu>.<chỉ-tiêu>=<giá-trị> --reason <biểu>.<chỉ-tiêu>=\"<lý do>\"]... [--statistics <số-liệu.json>] [--form <biểu>=<tệp>]...]";

    public string Description =>
        "báo cáo của đơn vị trung gian lên cấp trên: không có --file thì xem số liệu tổng hợp sẵn từ các đơn vị trực thuộc và số đơn vị cơ sở đã nộp; "
        + "có --file thì gửi báo cáo, số liệu là số tổng hợp sẵn (hoặc tệp --statistics) với các giá trị --set, mỗi số liệu sửa cần một --reason";

    public IReadOnlyCollection<string> Options { get; } = ["--file", .. SubmitOnly];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        var (request, error) = Parse(arguments);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        var missing = new[] { request!.File }.Concat(request.Forms.Select(f => f.Path)).Concat([request.StatisticsFile])
            .FirstOrDefault(f => f is not null && !File.Exists(f));
        if (missing is not null)
        {
            context.Error.WriteLine($"✗ {missing}: không tìm thấy tệp.");
            return 1;
        }

        var view = await context.Api.RollUpAsync(request.SubCycleId, request.DeliverableId, cancellationToken);
        if (request.File is null)
        {
            RollUpRenderer.WriteView(view, context.Output);
            return 0;
        }

        var statisticsFile = request.StatisticsFile is null ? null : await File.ReadAllTextAsync(request.StatisticsFile, cancellationToken);
        var (statistics, wrong) = Statistics(view, statisticsFile, request.Sets);
        if (wrong is not null)
        {
            return context.UsageError(this, wrong);
        }

        var forms = new List<FormUpload>();
        foreach (var (formId, path) in request.Forms)
        {
            forms.Add(new FormUpload(formId, Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        var submission = new RollUpSubmission(Path.GetFileName(request.File), await File.ReadAllBytesAsync(request.File, cancellationToken), statistics, request.Reasons, forms);
        var receipt = await context.Api.SubmitRollUpAsync(request.SubCycleId, request.DeliverableId, submission, cancellationToken);
        RollUpRenderer.WriteReceipt(view, receipt, request.Reasons, context.Output);
        return 0;
    }

    /// <summary>The command line as a roll-up request, or what is wrong with it (nothing here needs the host).</summary>
    public static (RollUpRequest? Request, string? Error) Parse(ParsedArguments arguments)
    {
        if (arguments.Positionals is not [var subCycleId, var deliverableId])
        {
            return (null, "Cần mã kỳ báo cáo cấp dưới và mã nội dung phải nộp.");
        }

        var file = arguments.Single("--file");
        if (file is null && SubmitOnly.FirstOrDefault(arguments.Has) is { } option)
        {
            return (null, $"{option} chỉ dùng khi gửi báo cáo: thêm --file <báo-cáo>.");
        }

        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in arguments.All("--set"))
        {
            if (Pair(value, figure: true) is not { } set)
            {
                return (null, $"--set không hợp lệ: «{value}» (cần dạng <biểu>.<chỉ-tiêu>=<giá-trị>, ví dụ bieu-01.so-vu=12).");
            }

            if (!sets.TryAdd(set.Key, set.Value))
            {
                return (null, $"Số liệu «{set.Key}» được --set hai lần.");
            }
        }

        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in arguments.All("--reason"))
        {
            if (Pair(value, figure: true) is not { } reason)
            {
                return (null, $"--reason không hợp lệ: «{value}» (cần dạng <biểu>.<chỉ-tiêu>=\"<lý do>\").");
            }

            if (!reasons.TryAdd(reason.Key, reason.Value))
            {
                return (null, $"Lý do điều chỉnh «{reason.Key}» được nêu hai lần.");
            }
        }

        // A corrected figure needs its reason; the host says so too, but this saves a round trip with the file.
        if (arguments.Single("--statistics") is null && sets.Keys.FirstOrDefault(k => !reasons.ContainsKey(k)) is { } unexplained)
        {
            return (null, $"Số liệu «{unexplained}» được sửa nhưng chưa có lý do: thêm --reason {unexplained}=\"<lý do>\".");
        }

        var forms = new List<(string FormId, string Path)>();
        foreach (var value in arguments.All("--form"))
        {
            if (Pair(value, figure: false) is not { } form)
            {
                return (null, $"--form không hợp lệ: «{value}» (cần dạng <biểu>=<tệp>).");
            }

            forms.Add((form.Key, form.Value));
        }

        return (new RollUpRequest(subCycleId, deliverableId, file, arguments.Single("--statistics"), sets, reasons, forms), null);
    }

    /// <summary>
    /// The statistics to send as JSON: the --statistics file's or the pre-filled ones, with each --set over them; null when
    /// neither a file nor a --set changes anything, so the host takes its pre-filled figures.
    /// </summary>
    public static (string? Json, string? Error) Statistics(RollUpView view, string? statisticsFile, IReadOnlyDictionary<string, string> sets)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(sets);
        if (statisticsFile is null && sets.Count == 0)
        {
            return (null, null);
        }

        JsonObject statistics;
        try
        {
            statistics = statisticsFile is null
                ? view.Statistics?.DeepClone().AsObject() ?? []
                : JsonNode.Parse(statisticsFile) as JsonObject ?? throw new JsonException("không phải một đối tượng JSON");
        }
        catch (JsonException e)
        {
            return (null, $"Tệp số liệu (--statistics) không phải JSON hợp lệ: {e.Message}");
        }

        // The host records the roll-up's own block (sub-cycle, base completion, corrections) itself.
        statistics.Remove("rollUp");
        if (statistics["forms"] is not JsonObject forms)
        {
            statistics["forms"] = forms = [];
        }

        foreach (var (key, text) in sets)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var (formId, fieldId) = (key[..dot], key[(dot + 1)..]);
            if (forms[formId] is not JsonObject fields)
            {
                forms[formId] = fields = [];
            }

            var (value, error) = Value(key, fields[fieldId] as JsonObject, text);
            if (error is not null)
            {
                return (null, error);
            }

            fields[fieldId] = value;
        }

        return (statistics.ToJsonString(), null);
    }

    /// <summary>
    /// A --set value in the kind of the figure it replaces: a number, yes/no («có»/«không») or text. A figure not
    /// pre-filled is a number when the value reads as one, otherwise text. A table is changed only with --statistics.
    /// </summary>
    private static (JsonObject? Value, string? Error) Value(string key, JsonObject? before, string text)
    {
        if (before?["rows"] is JsonArray)
        {
            return (null, $"«{key}» là bảng; sửa bảng bằng tệp --statistics, không bằng --set.");
        }

        if (before?["flag"] is JsonValue)
        {
            return text.ToLowerInvariant() switch
            {
                "có" or "co" or "true" or "1" => (new JsonObject { ["flag"] = true }, null),
                "không" or "khong" or "false" or "0" => (new JsonObject { ["flag"] = false }, null),
                _ => (null, $"«{key}» là có/không: ghi «có» hoặc «không», không phải «{text}»."),
            };
        }

        if (before?["text"] is JsonValue)
        {
            return (new JsonObject { ["text"] = text }, null);
        }

        var isNumber = decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number);
        if (before?["number"] is JsonValue && !isNumber)
        {
            return (null, $"«{key}» là số: «{text}» không phải số (dấu thập phân là dấu chấm, ví dụ 12 hoặc 1.5).");
        }

        return isNumber ? (new JsonObject { ["number"] = number }, null) : (new JsonObject { ["text"] = text }, null);
    }

    /// <summary>"key=value" split at the first '='; a figure's key must be "form.field".</summary>
    private static KeyValuePair<string, string>? Pair(string value, bool figure)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = value[..equals].Trim();
        var rest = value[(equals + 1)..].Trim();
        if (rest.Length == 0)
        {
            return null;
        }

        if (figure)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == key.Length - 1)
            {
                return null;
            }
        }

        return new(key, rest);
    }
}
