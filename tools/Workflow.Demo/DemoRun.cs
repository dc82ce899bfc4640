using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Demo;

/// <summary>
/// Runs the demo cycle as a stepped rehearsal (diễn tập): starts it as the operator standing at 08:00 on 11/03/2024,
/// takes each unit's link from the plan notice it was e-mailed, then moves the cycle's clock on itself, to each moment a
/// simulated unit acts and to each instant of the schedule, plays the units' uploads once the cycle stands there, shows
/// progress, and ends with the results.
/// </summary>
internal sealed partial class DemoRun(DemoApi api, DemoOptions options, TextWriter output)
{
    private const string RehearsalMark = "[DIỄN TẬP]";

    /// <summary>How long one advance may take before the demo gives up: a step is a few activities, normally well under a second.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long the province waits for the level it picks for to open once the units' round has closed.</summary>
    private static readonly TimeSpan PickTimeout = TimeSpan.FromSeconds(30);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<int> RunAsync()
    {
        var planJson = await File.ReadAllTextAsync(options.PlanPath);
        var plan = PlanJson.Read(planJson).Plan ?? throw new InvalidOperationException($"{options.PlanPath} is not a valid plan.");
        var began = DateTime.UtcNow;
        var cycleId = await api.StartRehearsalAsync(planJson, DemoScenario.Start);
        output.WriteLine($"Đã bắt đầu kỳ báo cáo «{cycleId}» dưới dạng diễn tập từng bước từ {Local(DemoScenario.Start)}: {plan.Title}");

        var tokens = await TokensAsync(cycleId, plan.Units.Count(u => plan.Subjects().Any(s => s.Scope.Includes(u))));
        output.WriteLine($"{tokens.Count} đơn vị đã nhận thư thông báo kế hoạch kèm đường dẫn nộp hồ sơ riêng.");
        var subCycles = await IssueRelayPlansAsync(cycleId, plan, tokens);
        var baseUnits = plan.Units.Where(u => subCycles.ContainsKey(u.Id)).SelectMany(r => r.Units.Select(u => (u.Id, Relay: r))).ToDictionary(p => p.Id, p => p.Relay, StringComparer.Ordinal);
        var rollUps = new List<RollUpOutcome>();
        var pending = new Queue<SimulatedAction>(DemoScenario.For(plan));
        var picked = false;
        var cycle = await StandingAtAsync(cycleId, DemoScenario.Start);
        try
        {
            while (true)
            {
                var root = cycle.RootElement;
                var status = root.GetProperty("runtimeStatus").GetString();
                if (status is "completed" or "failed" or "terminated")
                {
                    await ReportProgressAsync(root);
                    output.WriteLine($"(diễn tập chạy hết {(DateTime.UtcNow - began).TotalSeconds.ToString("N0", Vietnamese)} giây)");
                    return await SummariseAsync(cycleId, root, rollUps);
                }

                var progress = root.GetProperty("progress");
                var standsAt = Instant(progress, "standsAt") ?? DemoScenario.Start;
                var played = false;
                var atBase = new List<(Unit Relay, string Unit, string What, bool Ok)>();
                while (pending.TryPeek(out var next) && next.At <= standsAt)
                {
                    pending.Dequeue();
                    if (next.RollUp)
                    {
                        rollUps.Add(await RollUpAsync(subCycles[next.Unit], plan.Units.First(u => u.Id == next.Unit), next, tokens[next.Unit]));
                    }
                    else if (baseUnits.TryGetValue(next.Unit, out var relay))
                    {
                        var (ok, _) = await PlayAsync(tokens[next.Unit], next, plan);
                        atBase.Add((relay, next.Unit, next.Description, ok));
                    }
                    else
                    {
                        output.WriteLine((await PlayAsync(tokens[next.Unit], next, plan)).Line);
                    }

                    played = true;
                }

                // The base units' uploads, one line per district and kind: their reports go to their district, not to the province.
                foreach (var group in atBase.GroupBy(b => (b.Relay.Name, b.What)))
                {
                    var refused = group.Count(b => !b.Ok);
                    output.WriteLine($"  {group.Key.Name}: {group.Select(b => b.Unit).Distinct().Count()} đơn vị cơ sở {group.Key.What} ({group.Count()} báo cáo{(refused > 0 ? $", {refused} bị từ chối" : "")})");
                }

                if (played)
                {
                    // Show the counts with this moment's uploads in them.
                    cycle.Dispose();
                    cycle = await api.CycleAsync(cycleId);
                    continue;
                }

                if (!picked && await PickAsync(cycleId, root) is { } refreshed)
                {
                    picked = true;
                    cycle.Dispose();
                    cycle = refreshed;
                    continue;
                }

                await ReportProgressAsync(root);

                // The next moment that matters: a unit's action, or the schedule's next instant, whichever comes first.
                // The tree moves as one: a district's reminder may come before the province's next instant.
                var nextStep = Min(Instant(progress, "nextStepAt"), await SubCyclesNextStepAsync(subCycles.Values));
                DateTimeOffset? action = pending.TryPeek(out var upcoming) ? upcoming.At : null;
                DateTimeOffset target;
                if (action is { } at && (nextStep is null || at < nextStep))
                {
                    target = at;
                    await api.AdvanceAsync(cycleId, at);
                }
                else if (nextStep is { } step)
                {
                    target = step;
                    await api.AdvanceAsync(cycleId, step);
                }
                else
                {
                    // Closing: nothing left to step to; wait for the consolidation to finish.
                    cycle.Dispose();
                    cycle = await FinishedAsync(cycleId);
                    continue;
                }

                cycle.Dispose();
                cycle = await StandingAtAsync(cycleId, target);
                // The districts' sub-cycles move with the province's clock: their units act once they stand there too.
                await SubCyclesStandingAtAsync(subCycles.Values, target);
            }
        }
        finally
        {
            cycle.Dispose();
        }
    }

    /// <summary>
    /// Right after the province's cycle starts, Yên Thế and Tân Yên issue their own plans to the units under them, with
    /// deadlines about a week before theirs to the province; each becomes a sub-cycle on the province's clock whose units
    /// are e-mailed their own links. Returns each district's sub-cycle id; the base units' links join <paramref name="tokens"/>.
    /// </summary>
    private async Task<Dictionary<string, string>> IssueRelayPlansAsync(string cycleId, Plan plan, Dictionary<string, string> tokens)
    {
        var subCycles = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 15;
        foreach (var relay in DemoScenario.Relays.Select(id => plan.Units.Single(u => u.Id == id)))
        {
            var request = new
            {
                number = $"{number++}/KH-BCĐ",
                deadlines = DemoScenario.RelayDeadlines.ToDictionary(d => d.Key, d => (object)new { semantics = "before", date = d.Value }),
            };
            var (status, body) = await api.IssueRelayPlanAsync(cycleId, relay.Id, request);
            if (status >= 300)
            {
                throw new InvalidOperationException($"{relay.Name} không ban hành được kế hoạch của cấp mình ({status}): {body}");
            }

            using var issued = JsonDocument.Parse(body);
            var subCycleId = issued.RootElement.GetProperty("cycleId").GetString()!;
            subCycles[relay.Id] = subCycleId;
            var links = await TokensAsync(subCycleId, relay.Units.Count);
            foreach (var (unit, token) in links)
            {
                tokens[unit] = token;
            }

            var deadlines = string.Join(", ", DemoScenario.RelayDeadlines.Select(d => $"{d.Key} trước {DateOnly.ParseExact(d.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture):dd/MM/yyyy}"));
            output.WriteLine($"{relay.Name} ban hành kế hoạch số {request.number} cho {relay.Units.Count} đơn vị trực thuộc (kỳ báo cáo «{subCycleId}», hạn: {deadlines}); {links.Count} đơn vị cơ sở đã nhận thư kèm đường dẫn riêng.");
        }

        return subCycles;
    }

    /// <summary>The earliest next schedule instant of the sub-cycles still running; null when none has one.</summary>
    private async Task<DateTimeOffset?> SubCyclesNextStepAsync(IEnumerable<string> subCycleIds)
    {
        DateTimeOffset? next = null;
        foreach (var subCycleId in subCycleIds)
        {
            using var cycle = await api.CycleAsync(subCycleId);
            var root = cycle.RootElement;
            if (root.GetProperty("runtimeStatus").GetString() == "running" && root.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                next = Min(next, Instant(p, "nextStepAt"));
            }
        }

        return next;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Waits (a bounded while, without failing) until each sub-cycle stands at <paramref name="target"/> or has ended.</summary>
    private async Task SubCyclesStandingAtAsync(IEnumerable<string> subCycleIds, DateTimeOffset target)
    {
        foreach (var subCycleId in subCycleIds)
        {
            var deadline = DateTime.UtcNow + StepTimeout;
            while (true)
            {
                using var cycle = await api.CycleAsync(subCycleId);
                var root = cycle.RootElement;
                var ended = root.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated";
                var standsAt = root.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object ? Instant(p, "standsAt") : null;
                if (ended || standsAt >= target)
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    output.WriteLine($"  (kỳ báo cáo «{subCycleId}» chưa tới {Local(target)} sau {StepTimeout.TotalSeconds} giây)");
                    break;
                }

                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// A district's report to the province, pre-filled from its sub-cycle: the sums and tables as its base units sent them,
    /// its own answers to the yes/no and text fields the pre-fill leaves empty, and, for the district that corrects, one
    /// figure changed with its reason.
    /// </summary>
    private async Task<RollUpOutcome> RollUpAsync(string subCycleId, Unit relay, SimulatedAction action, string relayToken)
    {
        using var draft = await api.RollUpDraftAsync(subCycleId, action.Subject);
        var root = draft.RootElement;
        var baseText = root.GetProperty("baseText").GetString() ?? "";

        // Every field of the district's forms as the province asks for them, then the pre-filled figures over them.
        using var tasks = await api.TasksAsync(relayToken);
        var task = tasks.RootElement.GetProperty("tasks").EnumerateArray().First(t => t.GetProperty("subject").GetString() == action.Subject);
        var statistics = JsonNode.Parse(Statistics(task, relay.Id.Length))!;
        var forms = statistics["forms"]!.AsObject();
        string? corrected = null;
        string? change = null;
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var form in root.GetProperty("statistics").GetProperty("forms").EnumerateObject())
        {
            if (forms[form.Name] is not JsonObject fields)
            {
                forms[form.Name] = fields = [];
            }

            // Tables go up as pre-filled: every base unit's rows, each with the unit it came from.
            foreach (var table in form.Value.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object && f.Value.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array))
            {
                fields[table.Name] = JsonNode.Parse(table.Value.GetRawText());
                notes.Add($"«{table.Name}»: {table.Value.GetProperty("rows").GetArrayLength()} dòng của các đơn vị cơ sở, ghi rõ đơn vị");
            }

            foreach (var field in form.Value.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object && f.Value.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number))
            {
                fields[field.Name] = JsonNode.Parse(field.Value.GetRawText());
                if (action.Reason is not null && corrected is null && field.Value.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.Number)
                {
                    var was = number.GetDecimal();
                    fields[field.Name] = new JsonObject { ["number"] = was + 2 };
                    corrected = $"{form.Name}.{field.Name}";
                    reasons[corrected] = action.Reason;
                    var label = root.GetProperty("figures").EnumerateArray()
                        .FirstOrDefault(f => f.GetProperty("form").GetString() == form.Name && f.GetProperty("field").GetString() == field.Name) is { ValueKind: JsonValueKind.Object } figure
                        ? figure.GetProperty("label").GetString() : corrected;
                    change = string.Create(Vietnamese, $"điều chỉnh «{label}» ({corrected}) từ {was:N0} thành {was + 2:N0}, lý do: {action.Reason}");
                }
            }
        }

        using var content = new MultipartFormDataContent
        {
            { Pdf($"{action.Subject} {relay.Id} tổng hợp từ cơ sở"), "file", "Báo cáo tổng hợp.pdf" },
            { new StringContent(statistics.ToJsonString(), Encoding.UTF8, "application/json"), "statistics" },
        };
        if (reasons.Count > 0)
        {
            content.Add(new StringContent(JsonSerializer.Serialize(reasons), Encoding.UTF8, "application/json"), "corrections");
        }

        var (status, body) = await api.RollUpAsync(subCycleId, action.Subject, content);
        using var answer = JsonDocument.Parse(body);
        var detail = status < 300
            ? $"biên nhận {answer.RootElement.GetProperty("receiptNumber").GetString()}"
            : $"bị từ chối ({status}): {(answer.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : body)} "
              + string.Join("; ", answer.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                  ? errors.EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}: {e.GetProperty("message").GetString()}") : []);
        output.WriteLine($"  {relay.Name}: {action.Description} «{action.Subject}» — {baseText}; {detail}");
        foreach (var note in notes.Append(change).OfType<string>())
        {
            output.WriteLine($"    {note}");
        }

        return new RollUpOutcome(relay.Name, subCycleId, action.Subject, baseText, change, status < 300);
    }

    /// <summary>Polls the cycle until its stepped clock stands at <paramref name="target"/> (or the cycle has ended).</summary>
    private async Task<JsonDocument> StandingAtAsync(string cycleId, DateTimeOffset target)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var cycle = await api.CycleAsync(cycleId);
            var root = cycle.RootElement;
            var ended = root.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated";
            var progress = root.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var standsAt = progress.ValueKind == JsonValueKind.Object ? Instant(progress, "standsAt") : null;
            // The cycle publishes where it stands together with its next instant; until then it is still stepping.
            var known = progress.ValueKind == JsonValueKind.Object && Instant(progress, "nextStepAt") is not null;
            if (ended || (standsAt == target && known))
            {
                return cycle;
            }

            cycle.Dispose();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Kỳ báo cáo «{cycleId}» chưa tới {Local(target)} sau {StepTimeout.TotalSeconds} giây.");
            }

            await Task.Delay(50);
        }
    }

    private async Task<JsonDocument> FinishedAsync(string cycleId)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var cycle = await api.CycleAsync(cycleId);
            if (cycle.RootElement.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated" || DateTime.UtcNow > deadline)
            {
                return cycle;
            }

            cycle.Dispose();
            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<string, string>> TokensAsync(string cycleId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            using var mails = await api.MailsAsync();
            foreach (var mail in mails.RootElement.EnumerateArray())
            {
                var key = mail.GetProperty("customArgs").TryGetProperty("message_key", out var k) ? k.GetString() : null;
                if (key is not null && key.StartsWith(cycleId + ":", StringComparison.Ordinal) && key.EndsWith(":plan:notice", StringComparison.Ordinal)
                    && LinkToken().Match(mail.GetProperty("text").GetString() ?? "") is { Success: true } link)
                {
                    tokens[key[(cycleId.Length + 1)..^":plan:notice".Length]] = Uri.UnescapeDataString(link.Groups[1].Value);
                }
            }

            if (tokens.Count >= expected || DateTime.UtcNow > deadline)
            {
                return tokens;
            }

            await Task.Delay(100);
        }
    }

    private async Task<(bool Ok, string Line)> PlayAsync(string token, SimulatedAction action, Plan plan)
    {
        var unit = plan.Units.SelectMany(u => u.Descendants().Prepend(u)).First(u => u.Id == action.Unit);
        using var tasks = await api.TasksAsync(token);
        var task = tasks.RootElement.GetProperty("tasks").EnumerateArray().First(t => t.GetProperty("subject").GetString() == action.Subject);
        using var form = new MultipartFormDataContent();
        string path;
        if (action.Nomination)
        {
            var documents = task.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
            var nomination = new
            {
                id = $"{unit.Id}-de-nghi-01",
                name = $"Công an {unit.Name.Replace("Ban Chỉ đạo ", "", StringComparison.Ordinal)}",
                kind = "collective",
                nomineeUnit = unit.Id,
                isPolice = true,
                profile = "tap-the-phong-cong-an-huyen",
                record = new
                {
                    flags = new Dictionary<string, bool> { ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false, ["dangXetHoacThiHanhKyLuat"] = false, ["dangThanhTraKiemTra"] = false, ["dangXacMinhDonThu"] = false },
                },
                achievements = Titles.Select((t, i) => new
                {
                    id = $"tt-{t.Year}",
                    year = t.Year,
                    title = t.Title,
                    scale = "danh-hieu-tap-the",
                    level = t.Level,
                    decisionNumber = $"{1500 + (100 * i) + unit.Id.Length}/QĐ-CAT",
                    decisionDate = $"{t.Year}-12-20",
                    issuer = "Giám đốc Công an tỉnh Bắc Giang",
                }),
                documents = documents.Select(d => new { documentId = d, lineCount = d == "tom-tat-thanh-tich" ? 15 : (int?)null }),
            };
            form.Add(new StringContent(JsonSerializer.Serialize(nomination), Encoding.UTF8, "application/json"), "nomination");
            foreach (var document in documents)
            {
                form.Add(Pdf($"{document} {unit.Id}"), "files", $"{document}.pdf");
            }

            // Each title's decision as evidence, but the last year's, which the unit only declares: an operator checks it.
            foreach (var title in Titles.SkipLast(1))
            {
                form.Add(Pdf($"Quyết định {title.Year} {unit.Id}"), $"evidence.tt-{title.Year}", $"quyet-dinh-{title.Year}.pdf");
            }

            path = $"/api/unit/nominations/{action.Subject}";
        }
        else
        {
            form.Add(new StringContent(Statistics(task, unit.Id.Length + action.Version), Encoding.UTF8, "application/json"), "statistics");
            form.Add(Pdf($"{action.Subject} {unit.Id} v{action.Version}"), "file", "Báo cáo.pdf");
            path = $"/api/unit/reports/{action.Subject}";
        }

        var (status, body) = await api.UploadAsync(token, path, form);
        using var answer = JsonDocument.Parse(body);
        var detail = status < 300
            ? $"biên nhận {answer.RootElement.GetProperty(action.Nomination ? "files" : "receiptNumber") switch { { ValueKind: JsonValueKind.Array } files => string.Join(", ", files.EnumerateArray().Select(f => f.GetProperty("receiptNumber").GetString())), var one => one.GetString() }}"
            : $"bị từ chối: {answer.RootElement.GetProperty("detail").GetString()}";
        return (status < 300, $"  {unit.Name}: {action.Description} — {detail}");
    }

    /// <summary>The titles each district declares for its police collective: five years, three of them decisive.</summary>
    private static readonly (int Year, string Level, string Title)[] Titles =
    [
        (2019, "don-vi-quyet-thang", "Đơn vị quyết thắng"),
        (2020, "don-vi-tien-tien", "Đơn vị tiên tiến"),
        (2021, "don-vi-quyet-thang", "Đơn vị quyết thắng"),
        (2022, "don-vi-quyet-thang", "Đơn vị quyết thắng"),
        (2023, "don-vi-tien-tien", "Đơn vị tiên tiến"),
    ];

    /// <summary>
    /// Once the units' round has closed, the province picks its accepted nominees for the Province Chair's
    /// certificate, as the standing agency does; the picked level then checks them against its own quota. The level
    /// opens when the units' round has been judged, so the clock is not moved on until it has (or a while has passed).
    /// Returns the cycle as it stands after the picks, or null while the units' round has not closed.
    /// </summary>
    private async Task<JsonDocument?> PickAsync(string cycleId, JsonElement cycle)
    {
        if (RoundStatus(cycle, DemoScenario.Round) is null)
        {
            return null;
        }

        var deadline = DateTime.UtcNow + PickTimeout;
        var current = await api.CycleAsync(cycleId);
        while (RoundStatus(current.RootElement, DemoScenario.ProvinceLevel) != "running")
        {
            if (DateTime.UtcNow > deadline || current.RootElement.GetProperty("runtimeStatus").GetString() != "running")
            {
                output.WriteLine($"  Đợt «{DemoScenario.ProvinceLevel}» chưa mở để cấp tỉnh lựa chọn (trạng thái: {RoundStatus(current.RootElement, DemoScenario.ProvinceLevel) ?? "chưa bắt đầu"}).");
                return current;
            }

            current.Dispose();
            await Task.Delay(100);
            current = await api.CycleAsync(cycleId);
        }

        current.Dispose();
        using var nominees = await api.NominationsAsync(cycleId, DemoScenario.Round);
        var accepted = nominees.RootElement.EnumerateArray().Where(n => n.GetProperty("outcome").GetString() == "accepted").Select(n => n.GetProperty("nominationId").GetString()!).Take(2).ToList();

        // The standing agency checks each declared title without a file against its own archive before it picks.
        foreach (var nominee in nominees.RootElement.EnumerateArray().Where(n => accepted.Contains(n.GetProperty("nominationId").GetString()!)))
        {
            foreach (var record in nominee.GetProperty("achievements").EnumerateArray().Where(a => a.GetProperty("evidenceUrl").ValueKind == JsonValueKind.Null))
            {
                var (reviewed, _) = await api.ReviewAsync(cycleId, DemoScenario.Round, nominee.GetProperty("nominationId").GetString()!, record.GetProperty("id").GetString()!, "verified");
                output.WriteLine($"  Xác minh thành tích «{record.GetProperty("title").GetString()}» năm {record.GetProperty("year").GetInt32()} của {nominee.GetProperty("name").GetString()} (chưa có minh chứng kèm theo): {(reviewed < 300 ? "đã xác minh" : $"lỗi {reviewed}")}");
            }
        }

        var (status, body) = await api.PickAsync(cycleId, DemoScenario.ProvinceLevel, accepted);
        output.WriteLine(status < 300
            ? $"  Cơ quan thường trực lựa chọn {accepted.Count} đề nghị để trình Chủ tịch UBND tỉnh tặng Bằng khen: {string.Join(", ", accepted)}"
            : $"  Không lựa chọn được đề nghị cấp tỉnh ({status}): {body}");
        return await api.CycleAsync(cycleId);
    }

    private static string? RoundStatus(JsonElement cycle, string roundId)
    {
        var round = cycle.GetProperty("rounds").EnumerateArray().FirstOrDefault(r => r.GetProperty("id").GetString() == roundId);
        return round.ValueKind == JsonValueKind.Object && round.GetProperty("runtimeStatus") is { ValueKind: JsonValueKind.String } status ? status.GetString() : null;
    }

    private static DateTimeOffset? Instant(JsonElement progress, string name) =>
        progress.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private async Task ReportProgressAsync(JsonElement cycle)
    {
        // The per-block counts come from the status rows: a unit past its deadline shows as missing at once.
        var blocks = cycle.GetProperty("blocks").EnumerateArray().ToList();
        int Sum(string name) => blocks.Sum(b => b.GetProperty(name).GetInt32());
        using var mails = await api.MailsAsync();
        var progress = cycle.GetProperty("progress");
        var now = Instant(progress, "standsAt") ?? Instant(progress, "reachedAt") ?? DemoScenario.Start;
        var withheld = progress.TryGetProperty("mailsWithheld", out var w) && w.GetInt32() > 0 ? $", không gửi vì không còn đúng {w.GetInt32()}" : "";
        var nominations = Nominations(cycle) is { } n && n != NominationCounts.None ? $"; khen thưởng: {n.Describe()}" : "";
        output.WriteLine(string.Create(Vietnamese,
            $"[{Local(now)}] {progress.GetProperty("phaseLabel").GetString()}: đúng hạn {Sum("onTime")}, muộn {Sum("late")}, "
            + $"quá hạn chưa nộp {Sum("missing")}, còn trong hạn {Sum("pending")}; thư đã gửi {mails.RootElement.GetArrayLength()}{withheld}{nominations}"));
    }

    /// <summary>The host's headline nomination figures (the same arithmetic as the cycle's status and summary).</summary>
    private static NominationCounts? Nominations(JsonElement cycle) =>
        cycle.TryGetProperty("nominations", out var value) && value.ValueKind == JsonValueKind.Object ? value.Deserialize<NominationCounts>(JsonSerializerOptions.Web) : null;

    private async Task<int> SummariseAsync(string cycleId, JsonElement cycle, IReadOnlyList<RollUpOutcome> rollUps)
    {
        output.WriteLine();
        output.WriteLine($"Kỳ báo cáo kết thúc ({cycle.GetProperty("runtimeStatus").GetString()}). Tổng hợp theo khối:");
        foreach (var block in cycle.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("expected").GetInt32() > 0))
        {
            output.WriteLine($"  {block.GetProperty("name").GetString(),-45} phải nộp {block.GetProperty("expected").GetInt32(),3}  đúng hạn {block.GetProperty("onTime").GetInt32(),3}  muộn {block.GetProperty("late").GetInt32(),3}  chưa nộp {block.GetProperty("missing").GetInt32(),3}");
        }

        output.WriteLine($"Khen thưởng: {Nominations(cycle)?.Describe() ?? "—"}");
        foreach (var round in cycle.GetProperty("rounds").EnumerateArray())
        {
            int Count(string name) => round.GetProperty(name).GetInt32();
            // A picked level's nominees are the province's picks, not new proposals.
            var figures = round.GetProperty("pickedFrom").ValueKind == JsonValueKind.String
                ? $"tỉnh chọn {Count("received")}, đạt {Count("accepted")}, không đạt {Count("refused")}"
                : $"nhận {Count("received")}, đạt {Count("accepted")}, không đạt {Count("refused")}, từ chối do quá hạn {Count("lateRejected")}";
            // Where the round stands ("Đã xét", "Chờ chỉ tiêu"…) and whether proposing was optional.
            var state = round.TryGetProperty("stateText", out var text) && text.GetString() is { Length: > 0 } said ? said : null;
            var optional = round.TryGetProperty("optional", out var flag) && flag.GetBoolean() ? "không bắt buộc" : null;
            var notes = string.Join(", ", new[] { state, optional }.OfType<string>());
            output.WriteLine($"  {round.GetProperty("title").GetString()}{(notes.Length > 0 ? $" ({notes.ToLowerInvariant()})" : "")}: {figures}");
        }

        // Reporting from the base up: what each district's report to the province says of its own units.
        output.WriteLine("Báo cáo từ cơ sở (cấp huyện tổng hợp từ kỳ báo cáo của mình):");
        foreach (var district in rollUps.GroupBy(r => (r.District, r.SubCycleId)))
        {
            var report = district.First();
            output.WriteLine($"  {report.BaseText} — kỳ báo cáo «{district.Key.SubCycleId}»");
            foreach (var outcome in district.Where(r => r.Correction is not null || !r.Accepted))
            {
                output.WriteLine($"    {outcome.Deliverable}: {(outcome.Accepted ? outcome.Correction : "không được tiếp nhận")}");
            }
        }

        if (cycle.TryGetProperty("relays", out var relays) && relays.ValueKind == JsonValueKind.Array)
        {
            foreach (var relay in relays.EnumerateArray().Where(r => r.GetProperty("subCycleId").ValueKind == JsonValueKind.String))
            {
                output.WriteLine($"  Theo dõi: {relay.GetProperty("text").GetString()}");
            }
        }

        using var exports = await api.ExportsAsync(cycleId);
        output.WriteLine("Tệp tổng hợp: " + string.Join(", ", exports.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString())));
        using var award = await api.AwardAsync(cycleId, DemoScenario.ProvinceLevel);
        var drafted = award.RootElement;
        output.WriteLine(drafted.GetProperty("drafts").GetArrayLength() == 0
            ? $"Dự thảo khen thưởng «{drafted.GetProperty("awardTitle").GetString()}»: chưa có (cấp tỉnh chưa chọn)."
            : $"Dự thảo trình ký «{drafted.GetProperty("awardTitle").GetString()}» ({drafted.GetProperty("collectives").GetInt32()} tập thể, {drafted.GetProperty("individuals").GetInt32()} cá nhân): "
              + string.Join(", ", drafted.GetProperty("drafts").EnumerateArray().Select(d => new Uri(options.Host, d.GetProperty("url").GetString()).ToString())));
        using var mails = await api.MailsAsync();
        output.WriteLine($"Thư điện tử đã gửi ({mails.RootElement.GetArrayLength()}), theo loại:");
        foreach (var kind in mails.RootElement.EnumerateArray().GroupBy(m => Kind(m.GetProperty("subject").GetString() ?? "")).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {kind.Count(),4}  {kind.Key}   ví dụ: {kind.First().GetProperty("subject").GetString()} → {string.Join(", ", kind.First().GetProperty("to").EnumerateArray().Select(t => t.GetString()))}");
        }

        // A refused dossier is refused whole: its mail names every file.
        foreach (var refusal in mails.RootElement.EnumerateArray().Where(m => Kind(m.GetProperty("subject").GetString() ?? "") == "từ chối hồ sơ quá hạn"))
        {
            var lines = (refusal.GetProperty("text").GetString() ?? "").Split('\n');
            var from = Array.FindIndex(lines, l => l.StartsWith("Hệ thống không tiếp nhận", StringComparison.Ordinal));
            var to = Array.FindIndex(lines, l => l.StartsWith("Thời hạn:", StringComparison.Ordinal));
            if (from >= 0 && to > from)
            {
                output.WriteLine($"  Thư từ chối gửi {string.Join(", ", refusal.GetProperty("to").EnumerateArray().Select(t => t.GetString()))}:");
                foreach (var line in lines[from..to])
                {
                    output.WriteLine($"    {line}");
                }
            }
        }

        // Every mail of a rehearsal says so in its subject, so that no unit takes it for an official one.
        var unmarked = mails.RootElement.EnumerateArray().Select(m => m.GetProperty("subject").GetString() ?? "").Where(s => !s.StartsWith(RehearsalMark, StringComparison.Ordinal)).ToList();
        if (unmarked.Count > 0)
        {
            output.WriteLine($"✗ {unmarked.Count} thư không được đánh dấu {RehearsalMark}, ví dụ: {unmarked[0]}");
        }

        output.WriteLine();
        output.WriteLine($"Bảng theo dõi: {new Uri(options.Host, "/dashboard/")}#cycle={cycleId}");
        foreach (var subCycleId in rollUps.Select(r => r.SubCycleId).Distinct(StringComparer.Ordinal))
        {
            output.WriteLine($"  kỳ báo cáo cấp huyện: {new Uri(options.Host, "/dashboard/")}#cycle={subCycleId}");
        }

        var rolledUp = rollUps.Count > 0 && rollUps.All(r => r.Accepted);
        return cycle.GetProperty("runtimeStatus").GetString() == "completed" && unmarked.Count == 0 && rolledUp ? 0 : 1;
    }

    private static string Kind(string subject) => subject.StartsWith(RehearsalMark, StringComparison.Ordinal) ? Kind(subject[RehearsalMark.Length..].TrimStart()) : subject switch
    {
        _ when subject.Contains("Thông báo kế hoạch", StringComparison.Ordinal) => "thông báo kế hoạch",
        _ when subject.StartsWith("[Nhắc hạn]", StringComparison.Ordinal) => "nhắc hạn",
        _ when subject.StartsWith("[Nhắc mốc công việc]", StringComparison.Ordinal) => "nhắc mốc công việc (cơ quan thường trực)",
        _ when subject.StartsWith("[Đôn đốc", StringComparison.Ordinal) => "đôn đốc",
        _ when subject.StartsWith("[Báo cáo thành viên", StringComparison.Ordinal) => "báo cáo thành viên Ban Chỉ đạo",
        _ when subject.Contains("biên nhận", StringComparison.OrdinalIgnoreCase) => "giấy biên nhận",
        _ when subject.Contains("từ chối", StringComparison.OrdinalIgnoreCase) || subject.Contains("không tiếp nhận", StringComparison.OrdinalIgnoreCase) => "từ chối hồ sơ quá hạn",
        _ => "khác",
    };

    /// <summary>A value for every field of the task's forms, varying by unit, as a unit's statistics would.</summary>
    private static string Statistics(JsonElement task, int seed)
    {
        var forms = new Dictionary<string, Dictionary<string, object>>();
        foreach (var form in task.GetProperty("forms").EnumerateArray())
        {
            var values = new Dictionary<string, object>();
            foreach (var field in form.GetProperty("fields").EnumerateArray())
            {
                var id = field.GetProperty("id").GetString()!;
                values[id] = field.GetProperty("type").GetString() switch
                {
                    "integer" => new { number = (seed * 7 + id.Length) % 23 },
                    "decimal" => new { number = 1.5m },
                    "percent" => new { number = 80 },
                    "boolean" => new { flag = seed % 5 != 0 },
                    "table" => new { rows = Rows(field, 1 + (seed % 3)) },
                    _ => (object)new { text = "Không có ý kiến thêm" },
                };
            }

            forms[form.GetProperty("id").GetString()!] = values;
        }

        return JsonSerializer.Serialize(new { forms });
    }

    /// <summary>Rows of a table field as the unit page lists its columns: one per year for a year column, small counts elsewhere.</summary>
    private static List<Dictionary<string, string>> Rows(JsonElement field, int count) =>
    [
        .. Enumerable.Range(0, count).Select(row => field.GetProperty("columns").EnumerateArray().ToDictionary(
            c => c.GetProperty("id").GetString()!,
            c => c.GetProperty("type").GetString() switch
            {
                "year" => (2021 + row).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "date" => $"2024-01-{row + 10}",
                "choice" => c.GetProperty("choices")[0].GetString()!,
                "text" => "Không có ý kiến thêm",
                _ => ((row * 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })),
    ];

    private static ByteArrayContent Pdf(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return content;
    }

    [GeneratedRegex(@"/u/([A-Za-z0-9._%\-]+)")]
    private static partial Regex LinkToken();
}
