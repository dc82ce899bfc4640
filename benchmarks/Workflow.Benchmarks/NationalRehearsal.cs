using System.Diagnostics;
using System.Text.Json;
using Workflow.MailSink;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 4: the 3-level national rehearsal (a ministry, its provinces as relays, their communes as relays, the communes'
/// base units), run as a cascade by the engine process (<see cref="NationalEngine"/>) while the sink lives here. This
/// side answers the engine's waits: all plan notices of the tree at the sink, then each level's reminder wave. Whole
/// cascade: from the ministry's start to the last mail of the last wave.
/// </summary>
internal static class NationalRehearsal
{
    private const long MemoryGoal = 2L << 30;
    private static readonly TimeSpan WallGoal = TimeSpan.FromMinutes(15);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string storage, MailSinkServer sink, BenchOptions options)
    {
        var name = BenchEngine.UniqueName("n");
        var top = name.ToLowerInvariant();
        int[] expected = [options.NationalProvinces, options.NationalCommunes, options.NationalBase];
        var title = $"4 · national rehearsal ({options.NationalProvinces:N0} provinces, {options.NationalCommunes:N0} communes, {options.NationalBase:N0} base units)";
        Progress.Say($"row 4: {options.NationalProvinces:N0} provinces, {options.NationalCommunes:N0} communes, {options.NationalBase:N0} base units; {options.NationalParallel} operators issuing at a time; engine in a child process, cap {options.NationalCap.TotalMinutes:F0} min");

        var mails = new NationalMails(sink, top);
        var cap = DateTimeOffset.UtcNow + options.NationalCap;
        var (report, noticesDone) = await RunChildAsync(storage, NationalEngine.Arguments(name, options, sink.BaseUrl), async (line, input) =>
        {
            if (line == "@notices")
            {
                var ok = await UntilAsync(mails, m => Enumerable.Range(0, 3).All(l => m.Notices(l).Count >= expected[l]), cap, "plan notices",
                    m => string.Join(", ", Enumerable.Range(0, 3).Select(l => $"{m.Notices(l).Count:N0}/{expected[l]:N0}")));
                await input.WriteLineAsync(ok ? "go" : "stop");
                return ok ? DateTimeOffset.UtcNow : null;
            }

            var level = int.Parse(line["@wave ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var done = await UntilAsync(mails, m => m.Reminders(level).Count >= expected[level], cap, $"{NationalPlan.Levels[level]} reminders",
                m => $"{m.Reminders(level).Count:N0}/{expected[level]:N0}");
            await input.WriteLineAsync(done ? "go" : "stop");
            return null;
        });
        mails.Update();

        var rows = new List<BenchRow>();
        foreach (var level in report.Levels)
        {
            var notices = mails.Notices(level.Level);
            var last = notices.Count > 0 ? $", the last {(notices.Max() - report.StartedAt).TotalSeconds:F0} s after the start" : "";
            rows.Add(new($"{title}: issuing, level {NationalPlan.Levels[level.Level]}", "cycles started · s to issue · plan notices at the sink",
                $"{level.Cycles:N0} cycles in {level.Seconds:F1} s (from {level.From:F0} s){(level.FirstRefusal is { } why ? $"; refused: {why}" : "")} · {notices.Count:N0} of {expected[level.Level]:N0} notices{last}",
                "—", "—"));
        }

        var lastMail = (DateTimeOffset?)null;
        foreach (var wave in report.Waves)
        {
            var of = mails.Reminders(wave.Level).Select(t => (t - wave.AdvancedAt).TotalSeconds).Order().ToList();
            lastMail = of.Count > 0 ? wave.AdvancedAt.AddSeconds(of[^1]) : lastMail;
            var result = of.Count == 0
                ? "no mails reached the sink"
                : $"{of.Count:N0} of {expected[wave.Level]:N0} mails; last {of[^1]:F0} s after the advance (median {of[of.Count / 2]:F0} s, first {of[0]:F0} s); the advance's fan-out to the tree took {wave.FanOutSeconds:F1} s";
            rows.Add(new($"{title}: reminder wave, level {NationalPlan.Levels[wave.Level]} ({wave.Instant.ToOffset(TimeSpan.FromHours(7)):dd/MM HH:mm})", "mails at the sink · s from the advance to the last mail", result, "—", "—"));
        }

        var complete = report.Waves.Count == 3 && report.Waves.All(w => mails.Reminders(w.Level).Count == expected[w.Level]) && !report.Stopped;
        var wall = lastMail is { } at ? (at - report.StartedAt).TotalSeconds : report.Seconds;
        var noticesText = noticesDone is { } n ? $"all plan notices at the sink after {(n - report.StartedAt).TotalSeconds:F0} s; " : "";
        rows.Add(new($"{title}: whole cascade", "wall s from the ministry's start to the last mail of the last wave",
            $"{wall:F0} s{(complete ? "" : " (incomplete: stopped at the cap or mails missing)")} ({noticesText}{report.Episodes:N0} episodes; {report.Requests.Describe()}{(mails.Others > 0 ? $"; {mails.Others:N0} other mails" : "")})",
            $"< {WallGoal.TotalSeconds:F0} s", BenchRow.YesNo(complete && wall < WallGoal.TotalSeconds)));
        rows.Add(new($"{title}: engine process", "peak working set", $"{report.PeakWorkingSet / (double)(1 << 30):F2} GiB", "< 2 GiB", BenchRow.YesNo(report.PeakWorkingSet < MemoryGoal)));
        return rows;
    }

    /// <summary>Polls the sink until <paramref name="done"/> or the cap; says how far it is every 30 s.</summary>
    private static async Task<bool> UntilAsync(NationalMails mails, Func<NationalMails, bool> done, DateTimeOffset cap, string what, Func<NationalMails, string> count)
    {
        var watch = Stopwatch.StartNew();
        var said = TimeSpan.Zero;
        while (true)
        {
            mails.Update();
            if (done(mails))
            {
                Progress.Say($"row 4: {what} at the sink ({count(mails)}) after {watch.Elapsed.TotalSeconds:F0} s");
                return true;
            }

            if (DateTimeOffset.UtcNow > cap)
            {
                Progress.Say($"row 4: cap reached waiting for {what} ({count(mails)})");
                return false;
            }

            if (watch.Elapsed - said > TimeSpan.FromSeconds(30))
            {
                Progress.Say($"row 4:   waiting for {what}: {count(mails)} after {watch.Elapsed.TotalSeconds:F0} s");
                said = watch.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>
    /// Runs the engine process, answering each of its "@" lines with <paramref name="answer"/> (which returns the time
    /// the notices were all in, for that line); its last line is the report.
    /// </summary>
    private static async Task<(NationalReport Report, DateTimeOffset? NoticesDone)> RunChildAsync(
        string storage, IReadOnlyList<string> args, Func<string, StreamWriter, Task<DateTimeOffset?>> answer)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(NationalRehearsal).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WORKFLOW_STORAGE"] = storage;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The engine process did not start.");
        child.StandardInput.AutoFlush = true;
        string? last = null;
        DateTimeOffset? noticesDone = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('@'))
            {
                noticesDone = await answer(line, child.StandardInput) ?? noticesDone;
            }
            else if (line.Length > 0)
            {
                last = line;
            }
        }

        await child.WaitForExitAsync();
        return child.ExitCode == 0 && last is not null
            ? (JsonSerializer.Deserialize<NationalReport>(last)!, noticesDone)
            : throw new InvalidOperationException($"The engine process exited with {child.ExitCode}.");
    }
}
