using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Benchmarks.PerUnit;
using Workflow.Engine;
using Workflow.Host;
using Workflow.MailSink;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 1: the same plan, schedule, mails and clock, once as the product runs it (the schedule pattern) and once as the
/// old design did (one sub-orchestration per unit). Both run on a stepped rehearsal clock that the benchmark moves to
/// the next instant as soon as every mail of the previous one has reached the sink, so the wall time is the work of
/// each design and not the length of its schedule. Each run has its own task hub, tables and cycle id.
/// </summary>
internal static class CycleComparison
{
    private const double Goal = 50;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string storage, MailSinkServer sink, StorageMeter meter, BenchOptions options)
    {
        var plan = BenchPlans.Comparison(options.Units);
        var steps = CycleSchedule.Steps(plan, []);
        Progress.Say($"row 1: {options.Units:N0} units, {steps.Count} schedule instants, stepped clock moved on as each instant's mails reach the sink");

        var schedule = await RunAsync(storage, sink, meter, plan, nameof(ReportingCycleOrchestrator), "s", TimeSpan.FromMinutes(10));
        // The per-unit run needs only to outlast the goal to show it: past 50× the schedule pattern's time it is stopped.
        var cap = TimeSpan.FromSeconds(Math.Max(options.PerUnitCap.TotalSeconds, (Goal * schedule.Seconds) + 30));
        var perUnit = await RunAsync(storage, sink, meter, plan, nameof(PerUnitCycleOrchestrator), "u", cap);

        var units = $"{options.Units:N0} units";
        var ratio = perUnit.Seconds / schedule.Seconds;
        var due = Due(plan, steps);
        var ratioText = perUnit.Completed
            ? $"{ratio:F1}× faster (per-unit {perUnit.Seconds:F0} s ÷ schedule {schedule.Seconds:F1} s)"
            : $"≥ {ratio:F1}× (per-unit stopped at its cap of {cap.TotalSeconds:F0} s, {Goal:F0}× the schedule pattern's time and 30 s more, with {perUnit.Mails:N0} of {due:N0} mails sent)";

        // The comparison only counts if the schedule pattern delivered every mail the per-unit design would have.
        ratioText += $"; mails delivered: schedule {schedule.Mails:N0}, per-unit {perUnit.Mails:N0}, of {due:N0} due";
        var met = ratio >= Goal && schedule.Mails == due && schedule.Completed;
        return
        [
            new($"1 · per-unit sub-orchestrations, {units}", "wall s · episodes · storage requests · mails at sink", perUnit.Describe(), "—", "—"),
            new($"1 · schedule pattern (ReportingCycleOrchestrator), {units}", "wall s · episodes · storage requests · mails at sink", schedule.Describe(), "—", "—"),
            new("1 · schedule pattern vs per-unit", "wall-time ratio", ratioText, $"≥ {Goal:F0}× faster", BenchRow.YesNo(met)),
        ];
    }

    /// <summary>The plan notice and every reminder and chase, to every unit (nobody hands in during the benchmark).</summary>
    private static int Due(Plan plan, IReadOnlyList<ScheduleStep> steps) => plan.Units.Count * (1 + steps.Sum(MailPoints));

    private static int MailPoints(ScheduleStep step) => step.Points.Count(p => p.Point.Kind != ScheduledPointKind.Deadline);

    private static void Register(EngineTaskRegistry registry)
    {
        WorkflowHostExtensions.AddCycleTasks(registry);
        registry.AddOrchestrator<PerUnitCycleOrchestrator>().AddOrchestrator<UnitFollowUpOrchestrator>().AddActivity<UnitMailActivity>();
    }

    private static async Task<CycleRun> RunAsync(
        string storage, MailSinkServer sink, StorageMeter meter, Plan plan, string orchestrator, string tag, TimeSpan cap)
    {
        var name = BenchEngine.UniqueName(tag);
        Progress.Say($"row 1: {orchestrator} on task hub {name} (cap {cap.TotalSeconds:F0} s)");
        await using var engine = await BenchEngine.StartAsync(storage, sink.BaseUrl, name, Register);
        var cycleId = engine.Prefix;
        var steps = CycleSchedule.Steps(plan, []);
        // Stepped (speed 0): it stands a day before the first instant until moved on.
        var clock = new BusinessClock(DateTimeOffset.UtcNow, steps[0].Instant.AddDays(-1), 0);
        var before = meter.Snapshot();
        var watch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(cap);
        // The product starts as every starter does (plan stored, schedule in the input); the old design took the whole plan.
        var input = new CycleInput(cycleId, plan, "bench", clock);
        var id = orchestrator == nameof(ReportingCycleOrchestrator)
            ? await engine.Services.GetRequiredService<CycleStarter>().StartAsync(engine.Client, input, $"{cycleId}:cycle")
            : await engine.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions($"{cycleId}:cycle"));
        var completed = false;
        var times = new List<double>();
        try
        {
            var due = plan.Units.Count;
            await MailsAsync(sink, cycleId, due, watch, timeout.Token);
            times.Add(watch.Elapsed.TotalSeconds);
            foreach (var step in steps)
            {
                var from = watch.Elapsed.TotalSeconds;
                await engine.Client.RaiseEventAsync(id, ClockAdvance.EventName, new ClockAdvance(step.Instant, "bench"), timeout.Token);
                due += plan.Units.Count * MailPoints(step);
                await MailsAsync(sink, cycleId, due, watch, timeout.Token);
                times.Add(watch.Elapsed.TotalSeconds - from);
            }

            await engine.Client.RaiseEventAsync(id, ClockAdvance.EventName, new ClockAdvance(plan.ClosesAt(), "bench"), timeout.Token);
            var done = await engine.Client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token);
            completed = done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? true
                : throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Stopped at the cap: the run is a lower bound.
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var requests = meter.Snapshot() - before;
        var mails = SinkMails.Of(sink, cycleId).Count;
        var episodes = await StorageMeter.CountHistoryAsync(storage, name, "OrchestratorStarted");
        Progress.Say($"row 1: {orchestrator} {(completed ? "completed" : "stopped at the cap")} after {seconds:F0} s (stages {string.Join(" / ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))} s): {episodes:N0} episodes, {mails:N0} mails, {requests.Describe()}");
        if (!completed)
        {
            await engine.Client.TerminateInstanceAsync(id);
        }

        return new CycleRun(completed, seconds, times, episodes, requests, mails);
    }

    /// <summary>Waits until the sink holds <paramref name="due"/> mails of the cycle.</summary>
    private static async Task MailsAsync(MailSinkServer sink, string cycleId, int due, Stopwatch watch, CancellationToken cancellationToken)
    {
        var said = watch.Elapsed;
        int count;
        while ((count = SinkMails.Of(sink, cycleId).Count) < due)
        {
            if (watch.Elapsed - said > TimeSpan.FromSeconds(30))
            {
                Progress.Say($"row 1:   {watch.Elapsed.TotalSeconds:F0} s, {count:N0} of {due:N0} mails at the sink");
                said = watch.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
