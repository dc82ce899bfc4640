using System.Diagnostics;
using System.Text.Json;
using Workflow.MailSink;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 2: the product's cycle for a large plan, with the engine in a process of its own (see <see cref="LargeCycleEngine"/>)
/// and the sink here. For each schedule instant: seconds from the instant, mapped to wall time by the cycle's clock,
/// until its last mail was recorded by the sink.
/// </summary>
internal static class LargeCycle
{
    private const long Goal = 2L << 30;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string storage, MailSinkServer sink, BenchOptions options)
    {
        var plan = BenchPlans.Large(options.LargeUnits);
        var steps = CycleSchedule.Steps(plan, []);
        var name = BenchEngine.UniqueName("l");
        var clock = BenchPlans.Clock(plan, options.LargeLead, options.LargeDay, DateTimeOffset.UtcNow);
        var timeout = clock.ToWall(plan.ClosesAt()) - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        Progress.Say($"row 2: {options.LargeUnits:N0} units, {steps.Count} instants; first at +{options.LargeLead.TotalSeconds:F0} s, one business day = {options.LargeDay.TotalSeconds:F0} s wall; engine in a child process");

        var report = await RunChildAsync(storage, LargeCycleEngine.Arguments(name, options.LargeUnits, clock, sink.BaseUrl, timeout));
        var mails = SinkMails.Of(sink, name.ToLowerInvariant());
        var notices = mails.Where(m => m.Key.EndsWith(":plan:notice", StringComparison.Ordinal)).ToList();
        var rows = new List<BenchRow>();
        var recording = report.PlanRecordedAt is { } at ? $"{(at - report.StartedAt).TotalSeconds:F0} s to record the plan ({options.LargeUnits:N0} status rows seeded); " : "";
        var noticesDone = notices.Count > 0 ? $"last of {notices.Count:N0} plan notices at the sink after {(notices.Max(n => n.ReceivedAt) - report.StartedAt).TotalSeconds:F0} s" : "no plan notices";
        rows.Add(new($"2 · {options.LargeUnits:N0}-unit cycle: recording the plan", "s from start", recording + noticesDone, "(reported separately)", "—"));

        foreach (var step in steps)
        {
            var wall = clock.ToWall(step.Instant);
            var point = step.Points[0].Point;
            if (point.Kind == ScheduledPointKind.Deadline)
            {
                continue;
            }

            var of = mails.Where(m => m.Key.EndsWith(":" + point.Key, StringComparison.Ordinal)).Select(m => (m.ReceivedAt - wall).TotalSeconds).Order().ToList();
            var result = of.Count == 0
                ? "no mails reached the sink"
                : $"last mail {of[^1]:F0} s after the instant (median {of[of.Count / 2]:F0} s, first {of[0]:F0} s; {of.Count:N0} mails)";
            rows.Add(new($"2 · {options.LargeUnits:N0}-unit cycle: {point.Describe()}", "s from instant to last mail at the sink", result, "< 300 s", BenchRow.YesNo(of.Count == options.LargeUnits && of[^1] < 300)));
        }

        rows.Add(new($"2 · {options.LargeUnits:N0}-unit cycle: engine process", "peak working set",
            $"{report.PeakWorkingSet / (double)(1 << 30):F2} GiB ({(report.Completed ? "cycle completed" : "cycle timed out")} in {report.Seconds:F0} s, {report.Episodes:N0} episodes, {report.Requests.Describe()})",
            "< 2 GiB", BenchRow.YesNo(report.PeakWorkingSet < Goal)));
        return rows;
    }

    private static async Task<LargeCycleReport> RunChildAsync(string storage, IReadOnlyList<string> args)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LargeCycle).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WORKFLOW_STORAGE"] = storage;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The engine process did not start.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return child.ExitCode == 0 && line is not null
            ? JsonSerializer.Deserialize<LargeCycleReport>(line)!
            : throw new InvalidOperationException($"The engine process exited with {child.ExitCode}.");
    }
}
