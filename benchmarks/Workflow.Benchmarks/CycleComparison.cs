using System.Diagnostics;
using Workflow.Benchmarks.PerUnit;
using Workflow.Engine;
using Workflow.Host;
using Workflow.MailSink;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 1: the same plan, schedule, mails and clock speed, once as the product runs it (the schedule pattern) and once
/// as the old design did (one sub-orchestration per unit). Each run has its own task hub, tables and cycle id.
/// </summary>
internal static class CycleComparison
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string storage, MailSinkServer sink, StorageMeter meter, BenchOptions options)
    {
        var plan = BenchPlans.Comparison(options.Units);
        var steps = CycleSchedule.Steps(plan, []);
        Progress.Say($"row 1: {options.Units:N0} units, {steps.Count} schedule instants, one business day = {options.CompareDay.TotalSeconds:F0} s wall");

        var schedule = await RunAsync(storage, sink, meter, plan, nameof(ReportingCycleOrchestrator), "s", options, TimeSpan.FromMinutes(5));
        var perUnit = await RunAsync(storage, sink, meter, plan, nameof(PerUnitCycleOrchestrator), "u", options, options.PerUnitCap);

        var units = $"{options.Units:N0} units";
        var ratio = perUnit.Seconds / schedule.Seconds;
        string ratioText;
        bool met;
        if (perUnit.Completed)
        {
            ratioText = $"{ratio:F1}× faster (per-unit {perUnit.Seconds:F0} s ÷ schedule {schedule.Seconds:F0} s; the schedule itself spans {schedule.Span:F0} s of wall time)";
            met = ratio >= 50;
        }
        else
        {
            // Stopped at the cap: the run is a lower bound; the share of mails delivered so far extrapolates linearly.
            var due = options.Units * (1 + steps.Count(s => s.Points.Any(p => p.Point.Kind != ScheduledPointKind.Deadline)));
            var estimate = perUnit.Seconds * due / Math.Max(1, perUnit.Mails);
            ratioText = $"≥ {ratio:F1}× (per-unit stopped at the {options.PerUnitCap.TotalMinutes:F0}-min cap with {perUnit.UnitsDone:N0} of {options.Units:N0} units done; " +
                $"at its mail rate all {due:N0} mails would take ≈ {estimate:F0} s ≈ {estimate / schedule.Seconds:F0}×)";
            met = ratio >= 50;
        }

        // The comparison only counts if the schedule pattern delivered every mail the per-unit design would have.
        var expected = options.Units * (1 + steps.Count(s => s.Points.Any(p => p.Point.Kind != ScheduledPointKind.Deadline)));
        ratioText += $"; mails delivered: schedule {schedule.Mails:N0}, per-unit {perUnit.Mails:N0}, of {expected:N0} due";
        met = met && schedule.Mails == expected;
        return
        [
            new($"1 · per-unit sub-orchestrations, {units}", "wall s · episodes · storage requests · mails at sink", perUnit.Describe(), "—", "—"),
            new($"1 · schedule pattern (ReportingCycleOrchestrator), {units}", "wall s · episodes · storage requests · mails at sink", schedule.Describe(), "—", "—"),
            new("1 · schedule pattern vs per-unit", "wall-time ratio", ratioText, "≥ 50× faster", BenchRow.YesNo(met)),
        ];
    }

    private static void Register(EngineTaskRegistry registry)
    {
        WorkflowHostExtensions.AddCycleTasks(registry);
        registry.AddOrchestrator<PerUnitCycleOrchestrator>().AddOrchestrator<UnitFollowUpOrchestrator>().AddActivity<UnitMailActivity>();
    }

    private static async Task<CycleRun> RunAsync(
        string storage, MailSinkServer sink, StorageMeter meter, Plan plan, string orchestrator, string tag, BenchOptions options, TimeSpan cap)
    {
        var name = BenchEngine.UniqueName(tag);
        Progress.Say($"row 1: {orchestrator} on task hub {name} (cap {cap.TotalMinutes:F0} min)");
        await using var engine = await BenchEngine.StartAsync(storage, sink.BaseUrl, name, Register);
        var cycleId = engine.Prefix;
        var clock = BenchPlans.Clock(plan, options.CompareLead, options.CompareDay, DateTimeOffset.UtcNow);
        var span = (clock.ToWall(plan.ClosesAt()) - clock.WallOrigin).TotalSeconds;
        var before = meter.Snapshot();
        var watch = Stopwatch.StartNew();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new CycleInput(cycleId, plan, "bench", clock), new StartOrchestrationOptions($"{cycleId}:cycle"));
        var completed = await WaitAsync(engine, id, cap, watch, sink, cycleId);
        var seconds = watch.Elapsed.TotalSeconds;
        var requests = meter.Snapshot() - before;
        var mails = SinkMails.Of(sink, cycleId).Count;
        var episodes = await StorageMeter.CountHistoryAsync(storage, name, "OrchestratorStarted");
        // Each unit's follow-up completes once; the cycle itself is one more completion.
        var finished = await StorageMeter.CountHistoryAsync(storage, name, "ExecutionCompleted");
        var unitsDone = orchestrator == nameof(PerUnitCycleOrchestrator) ? (int)Math.Max(0, finished - (completed ? 1 : 0)) : plan.Units.Count;
        Progress.Say($"row 1: {orchestrator} {(completed ? "completed" : "stopped at the cap")} after {seconds:F0} s: {episodes:N0} episodes, {mails:N0} mails, {requests.Describe()}");
        if (!completed)
        {
            await engine.Client.TerminateInstanceAsync(id);
        }

        return new CycleRun(completed, seconds, span, episodes, requests, mails, unitsDone);
    }

    private static async Task<bool> WaitAsync(BenchEngine engine, string id, TimeSpan cap, Stopwatch watch, MailSinkServer sink, string cycleId)
    {
        using var timeout = new CancellationTokenSource(cap);
        var wait = engine.Client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token);
        while (await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(30))) != wait)
        {
            Progress.Say($"row 1:   {watch.Elapsed.TotalSeconds:F0} s, {SinkMails.Of(sink, cycleId).Count:N0} mails at the sink");
        }

        try
        {
            var done = await wait;
            return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? true
                : throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
