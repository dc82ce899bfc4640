using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Domain.Plans;

namespace Workflow.Soak;

/// <summary>
/// Plays the script on one fresh cycle through the HTTP API, as the demo does: starts the Bắc Giang plan as a stepped
/// rehearsal, takes each unit's link from the notice it was e-mailed, moves the clock to each moment a unit acts and
/// to each instant of the schedule, plays the units, picks for the province, and collects what is left at the end.
/// The <see cref="FaultPlan"/> says which faults are injected on the way.
/// </summary>
internal sealed partial class CycleRun(SoakLab lab, SoakClient client, Plan plan, string planJson, SoakScenario scenario, FaultPlan faults, TextWriter progress)
{
    /// <summary>How long one step may take: a step is normally seconds, a takeover after a SIGKILL up to about a minute.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    private readonly ConcurrentBag<AcceptedUpload> _accepted = [];
    private readonly ConcurrentBag<HostileOutcome> _hostile = [];
    private readonly ConcurrentDictionary<string, int> _scripted = new(StringComparer.Ordinal);
    private readonly List<TimeSpan> _latencies = [];
    private readonly HashSet<(string Receipt, int Version, string Sha256)> _stored = [];
    private Dictionary<string, string> _tokens = [];
    private string _cycleId = "";
    private int _burstFailed;
    private int _kills;
    private int _waveKills;
    private bool _verified;
    private TimeSpan _outage;

    public async Task<RunResult> RunAsync(string name)
    {
        var began = Stopwatch.GetTimestamp();
        var crashes = lab.Crashes;
        _cycleId = $"soak-{name}-{DateTime.UtcNow:MMddHHmmss}";
        var from = SoakScenario.Start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var started = await client.OperatorAsync(HttpMethod.Post, $"/api/cycles?id={_cycleId}&rehearsal=step&from={from}", "POST /api/cycles",
            () => new StringContent(planJson, Encoding.UTF8, "application/json"));
        if (started.Status != 202)
        {
            throw new InvalidOperationException($"The cycle did not start ({started.Status}): {started.Body}");
        }

        progress.WriteLine($"[{name}] cycle {_cycleId} started as a stepped rehearsal from {Local(SoakScenario.Start)}");
        _tokens = await TokensAsync();
        using var final = await StepThroughAsync(name);
        var root = final.RootElement;
        var status = root.GetProperty("runtimeStatus").GetString() ?? "unknown";
        var failure = root.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object ? f.GetRawText() : null;
        if (!_verified)
        {
            await VerifyStoredAsync();
        }

        var lost = await LostAsync();
        var exports = status == "completed" ? await ExportsAsync() : new Dictionary<string, string>();
        var mails = await SettledMailsAsync();
        progress.WriteLine($"[{name}] cycle ended {status}; {mails.Count} mails, {_accepted.Count} files accepted, {lost.Count} lost");
        return new RunResult(name, _cycleId, status, failure, [.. _accepted], lost, mails, exports, [.. client.Responses], _latencies, _burstFailed,
            [.. _hostile], _scripted, _kills, lab.Crashes - crashes, _outage, Stopwatch.GetElapsedTime(began));
    }

    /// <summary>Moves the clock through the script and the schedule until the cycle ends (or stops moving); the cycle as it ends.</summary>
    private async Task<JsonDocument> StepThroughAsync(string name)
    {
        var pending = new Queue<ScriptedAction>(scenario.Actions);
        var picked = false;
        var cycle = await StandingAtAsync(SoakScenario.Start);
        while (cycle is not null)
        {
            var root = cycle.RootElement;
            if (Ended(root))
            {
                return cycle;
            }

            var progressJson = root.GetProperty("progress");
            var standsAt = Instant(progressJson, "standsAt") ?? SoakScenario.Start;
            var due = new List<ScriptedAction>();
            while (pending.TryPeek(out var next) && next.At <= standsAt)
            {
                due.Add(pending.Dequeue());
            }

            if (due.Count > 0)
            {
                await PlayAsync(due);
                cycle.Dispose();
                cycle = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
                continue;
            }

            if (!picked && await PickAsync(root))
            {
                picked = true;
                cycle.Dispose();
                cycle = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
                continue;
            }

            var nextStep = Instant(progressJson, "nextStepAt");
            DateTimeOffset? action = pending.TryPeek(out var upcoming) ? upcoming.At : null;
            var target = action is { } at && (nextStep is null || at < nextStep) ? at : nextStep;
            if (!_verified && (target is null || target >= plan.ClosesAt()))
            {
                // Units' links stop working when the cycle closes: read their receipts while they still can.
                await VerifyStoredAsync();
            }

            cycle.Dispose();
            if (target is not { } to)
            {
                cycle = await FinishedAsync();
                continue;
            }

            var mailsBefore = MailCount();
            var advanced = await client.OperatorAsync(HttpMethod.Post, $"/api/cycles/{_cycleId}/rehearsal/advance", "POST /api/cycles/{id}/rehearsal/advance",
                () => new StringContent(JsonSerializer.Serialize(new { to = to.ToUniversalTime() }), Encoding.UTF8, "application/json"));
            if (!advanced.Accepted)
            {
                progress.WriteLine($"[{name}] the clock could not be moved to {Local(to)} ({advanced.Status}): {advanced.Body}");
                return await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
            }

            await AfterAdvanceAsync(to, mailsBefore);
            cycle = await StandingAtAsync(to);
            if (cycle is null)
            {
                progress.WriteLine($"[{name}] the cycle did not reach {Local(to)} within {StepTimeout.TotalMinutes} minutes; collecting what is there");
            }
        }

        return await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
    }

    /// <summary>The moment's actions in order: uploads side by side, the burst and the hostile corpus each on their own.</summary>
    private async Task PlayAsync(IReadOnlyList<ScriptedAction> due)
    {
        var uploads = new List<ScriptedAction>();
        foreach (var action in due.Append(null))
        {
            if (action is { Kind: ActionKind.Report or ActionKind.Nomination })
            {
                uploads.Add(action);
                continue;
            }

            if (uploads.Count > 0)
            {
                var playing = Task.WhenAll(uploads.Select(UploadAsync));
                if (faults.KillAtUploads && uploads[0].At == SoakScenario.KilledUploads)
                {
                    await Task.Delay(150);
                    await KillAsync($"during the uploads of {Local(uploads[0].At)}");
                }

                await playing;
                uploads.Clear();
            }

            if (action?.Kind == ActionKind.Burst)
            {
                await BurstAsync();
            }
            else if (action?.Kind == ActionKind.Hostile && faults.Hostile)
            {
                await HostileAsync(action);
            }
        }
    }

    private async Task UploadAsync(ScriptedAction action)
    {
        var token = _tokens[action.Unit];
        Answer answer;
        if (action.Kind == ActionKind.Nomination)
        {
            var unit = plan.Units.First(u => u.Id == action.Unit);
            var documents = UnitPayloads.Documents(plan);
            var nomination = JsonSerializer.Serialize(UnitPayloads.Nomination($"{unit.Id}-de-nghi-01", unit, documents));
            answer = await client.UnitAsync(HttpMethod.Post, $"/api/unit/nominations/{action.Subject}", token, "POST /api/unit/nominations/{roundId}",
                () => UnitPayloads.NominationForm(nomination, documents, d => UnitPayloads.Pdf($"{unit.Id} {d}")), Traffic.Upload);
        }
        else
        {
            var statistics = UnitPayloads.Statistics(plan, action.Subject, action.Seed);
            var file = UnitPayloads.Pdf($"{action.Unit} {action.Subject} {action.Seed}");
            answer = await client.UnitAsync(HttpMethod.Post, $"/api/unit/reports/{action.Subject}", token, "POST /api/unit/reports/{deliverableId}",
                () => UnitPayloads.ReportForm(statistics, file), Traffic.Upload);
        }

        Record(action.Unit, action.Subject, answer);
        _scripted[$"{Local(action.At)} {action.Unit} {action.Subject} {action.Note}"] = answer.Status;
    }

    private async Task BurstAsync()
    {
        var uploaders = new ConcurrentUploaders(client, plan, _tokens);
        var began = Stopwatch.GetTimestamp();
        var burst = uploaders.RunAsync(scenario.BurstKeys);
        for (var k = 1; k <= faults.BurstKills; k++)
        {
            var threshold = ConcurrentUploaders.Total * k / (faults.BurstKills + 1);
            while (!burst.IsCompleted && uploaders.Answered < threshold)
            {
                await Task.Delay(50);
            }

            if (!burst.IsCompleted)
            {
                await KillAsync($"after {uploaders.Answered} of {ConcurrentUploaders.Total} concurrent uploads");
            }
        }

        foreach (var (key, answer) in await burst)
        {
            Record(key.Unit, key.Subject, answer);
            if (answer.Accepted)
            {
                _latencies.Add(answer.Duration);
            }

            if (!answer.Accepted || answer.Faulted)
            {
                _burstFailed++;
            }
        }

        progress.WriteLine($"  {ConcurrentUploaders.Total} concurrent 1 MB uploads in {Stopwatch.GetElapsedTime(began).TotalSeconds:N0} s, {_burstFailed} failed");
    }

    private async Task HostileAsync(ScriptedAction action)
    {
        var corpus = new HostileCorpus(lab.Host, lab.OperatorKey, _cycleId, plan, planJson, _tokens, scenario);
        var cases = action.Subject switch
        {
            SoakScenario.Round => corpus.RoundPhase(),
            SoakScenario.Report => corpus.ReportPhase(),
            _ => corpus.ExtensionPhase(),
        };
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (hostile, _) =>
        {
            var answer = await client.SendAsync(hostile.Build, hostile.Route, Traffic.Hostile);
            var receipts = answer.Accepted && hostile.Route.StartsWith("POST /api/unit/", StringComparison.Ordinal)
                ? AcceptedUpload.From("", "", answer.Body).Select(a => a.Receipt).ToList()
                : [];
            _hostile.Add(new HostileOutcome(hostile.Route, hostile.Name, answer.Status, hostile.MustRefuse, receipts));
        });
        progress.WriteLine($"  {cases.Count} hostile requests sent");
    }

    /// <summary>What the faulted run does once the clock has been told to move: a SIGKILL in a wave, or the storage outage.</summary>
    private async Task AfterAdvanceAsync(DateTimeOffset to, int mailsBefore)
    {
        if (SoakScenario.KilledWaves.Contains(to) && _waveKills < faults.WaveKills)
        {
            // Alternately at the wave's first mail and a moment after the advance, so a kill lands before, in and after sending.
            if (_waveKills++ % 2 == 0)
            {
                await FirstMailAsync(mailsBefore);
            }
            else
            {
                await Task.Delay(300);
            }

            await KillAsync($"in the wave of {Local(to)}");
        }

        if (to != SoakScenario.OutageWave)
        {
            return;
        }

        if (faults.Outage <= TimeSpan.Zero)
        {
            await Task.WhenAll(scenario.LateResenders.Select(LateResendAsync));
            return;
        }

        await FirstMailAsync(mailsBefore);
        var down = Stopwatch.GetTimestamp();
        await lab.Azurite.StopAsync();
        progress.WriteLine($"  storage stopped (SIGTERM) in the wave of {Local(to)}");
        var resends = Task.WhenAll(scenario.LateResenders.Select(LateResendAsync));
        await Task.Delay(faults.Outage);
        await lab.Azurite.StartAsync();
        _outage = Stopwatch.GetElapsedTime(down);
        progress.WriteLine($"  storage back after {_outage.TotalSeconds:N0} s");
        await resends;
    }

    private async Task LateResendAsync(UploadKey key)
    {
        var statistics = UnitPayloads.Statistics(plan, key.Subject, key.Seed);
        var file = UnitPayloads.Pdf($"{key.Unit} {key.Subject} resent", 1024 * 1024);
        var answer = await client.UnitAsync(HttpMethod.Post, $"/api/unit/reports/{key.Subject}", _tokens[key.Unit], "POST /api/unit/reports/{deliverableId}",
            () => UnitPayloads.ReportForm(statistics, file), Traffic.Upload);
        Record(key.Unit, key.Subject, answer);
        _scripted[$"{Local(SoakScenario.OutageWave)} {key.Unit} {key.Subject} gửi lại sau hạn"] = answer.Status;
    }

    private async Task KillAsync(string when)
    {
        await lab.KillHostAsync();
        _kills++;
        progress.WriteLine($"  SIGKILL {_kills} {when}; a new host process took over");
    }

    private async Task FirstMailAsync(int before)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (MailCount() <= before && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
    }

    private void Record(string unit, string subject, Answer answer)
    {
        if (answer.Accepted)
        {
            foreach (var file in AcceptedUpload.From(unit, subject, answer.Body))
            {
                _accepted.Add(file);
            }
        }
    }

    /// <summary>The province picks the first two accepted nominees for the Chair's certificate once the units' round has closed; false while it has not.</summary>
    private async Task<bool> PickAsync(JsonElement cycle)
    {
        if (RoundStatus(cycle, SoakScenario.Round) is null)
        {
            return false;
        }

        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var current = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
            if (RoundStatus(current.RootElement, SoakScenario.ProvinceLevel) == "running")
            {
                break;
            }

            if (DateTime.UtcNow > until || Ended(current.RootElement) || RoundStatus(current.RootElement, SoakScenario.Round) is "failed" or "terminated")
            {
                progress.WriteLine($"  the level {SoakScenario.ProvinceLevel} did not open for picks");
                return true;
            }

            await Task.Delay(100);
        }

        using var nominees = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}/nominations/{SoakScenario.Round}", "GET /api/cycles/{id}/nominations/{roundId}");
        var accepted = nominees.RootElement.EnumerateArray().Where(n => n.GetProperty("outcome").GetString() == "accepted")
            .Select(n => n.GetProperty("nominationId").GetString()!).Order(StringComparer.Ordinal).Take(2).ToList();
        var answer = await client.OperatorAsync(HttpMethod.Post, $"/api/cycles/{_cycleId}/picks/{SoakScenario.ProvinceLevel}", "POST /api/cycles/{id}/picks/{roundId}",
            () => new StringContent(JsonSerializer.Serialize(new { nominations = accepted, pickedBy = "Phòng Tham mưu (PV01)" }), Encoding.UTF8, "application/json"));
        _scripted["picks"] = answer.Status;
        return true;
    }

    /// <summary>Polls until the stepped clock stands at <paramref name="target"/> or the cycle has ended; null when it does not get there in time.</summary>
    private async Task<JsonDocument?> StandingAtAsync(DateTimeOffset target)
    {
        var until = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var cycle = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
            var root = cycle.RootElement;
            var progressJson = root.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var stands = progressJson.ValueKind == JsonValueKind.Object && Instant(progressJson, "standsAt") == target && Instant(progressJson, "nextStepAt") is not null;
            if (Ended(root) || stands)
            {
                return cycle;
            }

            cycle.Dispose();
            if (DateTime.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(100);
        }
    }

    private async Task<JsonDocument?> FinishedAsync()
    {
        var until = DateTime.UtcNow + StepTimeout;
        while (DateTime.UtcNow < until)
        {
            var cycle = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}", "GET /api/cycles/{id}");
            if (Ended(cycle.RootElement))
            {
                return cycle;
            }

            cycle.Dispose();
            await Task.Delay(200);
        }

        return null;
    }

    private async Task<Dictionary<string, string>> TokensAsync()
    {
        var expected = plan.Units.Count(u => plan.Subjects().Any(s => s.Scope.Includes(u)));
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var mail in lab.Sink.Accepted)
            {
                if (mail.CustomArgs.TryGetValue("message_key", out var key) && key.StartsWith(_cycleId + ":", StringComparison.Ordinal)
                    && key.EndsWith(":plan:notice", StringComparison.Ordinal) && LinkToken().Match(mail.Text ?? "") is { Success: true } link)
                {
                    tokens[key[(_cycleId.Length + 1)..^":plan:notice".Length]] = Uri.UnescapeDataString(link.Groups[1].Value);
                }
            }

            if (tokens.Count >= expected)
            {
                return tokens;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Only {tokens.Count} of {expected} units got their plan notice.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Reads every unit's receipts (the stored versions) through its own link.</summary>
    private async Task VerifyStoredAsync()
    {
        _verified = true;
        foreach (var unit in _accepted.Select(a => a.Unit).Distinct())
        {
            var answer = await client.UnitAsync(HttpMethod.Get, "/api/unit/receipts", _tokens[unit], "GET /api/unit/receipts");
            if (!answer.Accepted)
            {
                progress.WriteLine($"  receipts of {unit} could not be read ({answer.Status})");
                continue;
            }

            using var receipts = JsonDocument.Parse(answer.Body);
            foreach (var row in receipts.RootElement.EnumerateArray())
            {
                _stored.Add((row.GetProperty("receipt").GetString()!, row.GetProperty("version").GetInt32(), row.GetProperty("sha256").GetString()!));
            }
        }
    }

    /// <summary>Accepted files that are not there at the end: no stored version with their receipt and hash, no status row, no nominee.</summary>
    private async Task<List<string>> LostAsync()
    {
        using var units = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}/units", "GET /api/cycles/{id}/units");
        var states = units.RootElement.EnumerateArray().ToDictionary(
            r => (r.GetProperty("unitId").GetString()!, r.GetProperty("subject").GetString()!), r => r.GetProperty("state").GetString());
        using var nominees = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}/nominations/{SoakScenario.Round}", "GET /api/cycles/{id}/nominations/{roundId}");
        var proposers = nominees.RootElement.EnumerateArray().Select(n => n.GetProperty("proposedBy").GetString()).ToHashSet(StringComparer.Ordinal);
        var lost = new List<string>();
        foreach (var file in _accepted)
        {
            if (!_stored.Contains((file.Receipt, file.Version, file.Sha256)))
            {
                lost.Add($"{file.Receipt} ({file.Unit} {file.Subject} v{file.Version}): no stored version with this receipt and hash");
            }
            else if (file.Subject == SoakScenario.Round ? !proposers.Contains(file.Unit) : states.GetValueOrDefault((file.Unit, file.Subject)) is null or "pending" or "missing")
            {
                lost.Add($"{file.Receipt} ({file.Unit} {file.Subject} v{file.Version}): stored, but the unit is not counted as having handed in");
            }
        }

        return lost;
    }

    /// <summary>The exported CSV files, with the cycle's id replaced so two runs can be compared.</summary>
    private async Task<Dictionary<string, string>> ExportsAsync()
    {
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        using var list = await client.OperatorJsonAsync($"/api/cycles/{_cycleId}/exports", "GET /api/cycles/{id}/exports");
        foreach (var name in list.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Where(n => n.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var answer = await client.OperatorAsync(HttpMethod.Get, $"/api/cycles/{_cycleId}/exports/{Uri.EscapeDataString(name)}", "GET /api/cycles/{id}/exports/{name}");
            exports[name] = answer.Body.Replace(_cycleId, "{cycle}", StringComparison.Ordinal);
        }

        return exports;
    }

    /// <summary>This cycle's mail keys (cycle id stripped), once no new mail has come for a few seconds (a sender may still be delivering).</summary>
    private async Task<List<string>> SettledMailsAsync()
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        var count = -1;
        while (MailCount() != count && DateTime.UtcNow < until)
        {
            count = MailCount();
            await Task.Delay(3000);
        }

        return [.. Mails().Select(k => k[(_cycleId.Length + 1)..])];
    }

    private int MailCount() => Mails().Count();

    private IEnumerable<string> Mails() =>
        lab.Sink.Accepted.Select(m => m.CustomArgs.GetValueOrDefault("message_key") ?? "").Where(k => k.StartsWith(_cycleId + ":", StringComparison.Ordinal));

    private static bool Ended(JsonElement cycle) => cycle.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated";

    private static string? RoundStatus(JsonElement cycle, string roundId)
    {
        var round = cycle.GetProperty("rounds").EnumerateArray().FirstOrDefault(r => r.GetProperty("id").GetString() == roundId);
        return round.ValueKind == JsonValueKind.Object && round.GetProperty("runtimeStatus") is { ValueKind: JsonValueKind.String } status ? status.GetString() : null;
    }

    private static DateTimeOffset? Instant(JsonElement progress, string name) =>
        progress.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/u/([A-Za-z0-9._%\-]+)")]
    private static partial Regex LinkToken();
}
