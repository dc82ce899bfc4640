using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Host;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 2's engine process: only the engine and the cycle's activities run here (the sink lives in the parent), so
/// the working set measured is the engine's. Runs the product's cycle for the generated plan on the clock it is given.
/// </summary>
internal static class LargeCycleEngine
{
    public const string Verb = "large-cycle-engine";

    public static string[] Arguments(string name, int units, BusinessClock clock, string sinkUrl, TimeSpan timeout) =>
        [Verb, name, units.ToString(CultureInfo.InvariantCulture), clock.WallOrigin.UtcTicks.ToString(CultureInfo.InvariantCulture),
         clock.BusinessOrigin.UtcTicks.ToString(CultureInfo.InvariantCulture), clock.Speed.ToString("R", CultureInfo.InvariantCulture), sinkUrl,
         timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)];

    public static async Task RunAsync(string storage, IReadOnlyList<string> args)
    {
        var name = args[1];
        var plan = BenchPlans.Large(int.Parse(args[2], CultureInfo.InvariantCulture));
        var clock = new BusinessClock(
            new DateTimeOffset(long.Parse(args[3], CultureInfo.InvariantCulture), TimeSpan.Zero),
            new DateTimeOffset(long.Parse(args[4], CultureInfo.InvariantCulture), TimeSpan.Zero),
            double.Parse(args[5], CultureInfo.InvariantCulture));
        var sinkUrl = args[6];
        var timeout = TimeSpan.FromSeconds(double.Parse(args[7], CultureInfo.InvariantCulture));

        using var meter = new StorageMeter(storage, new Uri(sinkUrl).Port);
        long peak = 0;
        using var sampler = new Timer(_ =>
        {
            using var self = Process.GetCurrentProcess();
            peak = Math.Max(peak, self.WorkingSet64);
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));

        LargeCycleReport report;
        await using (var engine = await BenchEngine.StartAsync(storage, sinkUrl, name, WorkflowHostExtensions.AddCycleTasks))
        {
            var before = meter.Snapshot();
            var started = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            var id = await engine.Services.GetRequiredService<CycleStarter>().StartAsync(engine.Client, new CycleInput(engine.Prefix, plan, "bench", clock), $"{engine.Prefix}:cycle");
            var completed = await WaitAsync(engine, id, timeout, watch);
            var seconds = watch.Elapsed.TotalSeconds;
            var requests = meter.Snapshot() - before;
            var events = await engine.Services.GetRequiredService<IStatusStore>().ListCycleEventsAsync(engine.Prefix);
            // Cycle events are dated in business time; the clock maps them back to the wall.
            var recorded = events.FirstOrDefault(e => e.Kind == "plan-recorded") is { } e ? clock.ToWall(e.At) : (DateTimeOffset?)null;
            var episodes = await StorageMeter.CountHistoryAsync(storage, name, "OrchestratorStarted");
            if (!completed)
            {
                await engine.Client.TerminateInstanceAsync(id);
            }

            using var self = Process.GetCurrentProcess();
            report = new LargeCycleReport(completed, started, recorded, seconds, Math.Max(peak, self.PeakWorkingSet64), episodes, requests);
            Progress.Say($"row 2: engine process done ({(completed ? "completed" : "timed out")}), deleting task hub {name}");
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(report));
    }

    private static async Task<bool> WaitAsync(BenchEngine engine, string id, TimeSpan timeout, Stopwatch watch)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var wait = engine.Client.WaitForInstanceCompletionAsync(id, cancellation: cancel.Token);
        while (await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20))) != wait)
        {
            var state = await engine.Client.GetInstanceAsync(id);
            var status = state?.SerializedCustomStatus is { } json ? Summary(json) : "";
            using var self = Process.GetCurrentProcess();
            Progress.Say($"row 2:   {watch.Elapsed.TotalSeconds:F0} s, {state?.RuntimeStatus} {status}, working set {self.WorkingSet64 / (1 << 20):N0} MiB");
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

    private static string Summary(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string Field(string name) => root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.ToString() ?? "?";
        return $"phase {Field("phase")}, steps {Field("stepsDone")}, reminders sent {Field("remindersSent")}";
    }
}
