using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Handlers;
using Workflow.Application;
using Workflow.Domain.Levels;
using Workflow.Host;
using Workflow.Storage;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 4's engine process, which is also where the operators act, as in the host (API and engine in one process): it
/// starts the ministry's cycle on a stepped rehearsal, issues every province's plan through <see cref="SubCycles"/>, and
/// once a province has recorded its plan, every commune's under it; then advances the top cycle through the API's own
/// handler (which forwards the step to every running sub-cycle) to each level's reminder instant. The parent holds the
/// sink: this process tells it on stdout what it waits for ("@notices", "@wave level") and goes on when it answers
/// "go" on stdin ("stop" past the cap). The last stdout line is the <see cref="NationalReport"/>.
/// </summary>
internal static class NationalEngine
{
    public const string Verb = "national-engine";

    public static string[] Arguments(string name, BenchOptions options, string sinkUrl) =>
        [Verb, name, Text(options.NationalProvinces), Text(options.NationalCommunes), Text(options.NationalBase), sinkUrl, Text(options.NationalParallel)];

    public static async Task RunAsync(string storage, IReadOnlyList<string> args)
    {
        var name = args[1];
        var plan = NationalPlan.Create(Number(args[2]), Number(args[3]), Number(args[4]));
        var sinkUrl = args[5];
        var parallel = Number(args[6]);
        var instants = NationalPlan.ReminderInstants(plan);

        using var meter = new StorageMeter(storage, new Uri(sinkUrl).Port);
        long peak = 0;
        using var sampler = new Timer(_ =>
        {
            using var self = Process.GetCurrentProcess();
            peak = Math.Max(peak, self.WorkingSet64);
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));

        NationalReport report;
        await using (var engine = await BenchEngine.StartAsync(storage, sinkUrl, name, WorkflowHostExtensions.AddCycleTasks))
        {
            var client = engine.Client;
            var subCycles = engine.Services.GetRequiredService<SubCycles>();
            var top = engine.Prefix;
            var before = meter.Snapshot();
            var started = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            var levels = new List<NationalLevel>();

            // The ministry: a stepped rehearsal standing at the morning after its plan is issued.
            var clock = new BusinessClock(started, NationalPlan.StartsAt, 0);
            await engine.Services.GetRequiredService<CycleStarter>().StartAsync(client, new CycleInput(top, plan, "bench", clock), top);
            levels.Add(new NationalLevel(0, 1, 0, watch.Elapsed.TotalSeconds, null));
            await ReadyAsync(client, [top], parallel, "bộ");

            // Each province issues once the ministry's cycle runs; each commune once its province's does.
            var provinces = plan.Units.Select(p => (Parent: top, Relay: p.Id)).ToList();
            levels.Add(await IssueAsync(client, subCycles, 1, provinces, NationalPlan.ProvinceRequest, parallel, watch));
            await ReadyAsync(client, [.. provinces.Select(p => PlanDerivation.SubCycleId(p.Parent, p.Relay))], parallel, "tỉnh");
            var communes = plan.Units.SelectMany(p => p.Units.Select(c => (Parent: PlanDerivation.SubCycleId(top, p.Id), Relay: c.Id))).ToList();
            levels.Add(await IssueAsync(client, subCycles, 2, communes, NationalPlan.CommuneRequest, parallel, watch));

            var stopped = !await WaitAsync("@notices");
            var communeCycles = communes.Select(c => PlanDerivation.SubCycleId(c.Parent, c.Relay)).ToList();
            if (!stopped)
            {
                await ReadyAsync(client, communeCycles, parallel, "xã");
            }

            // Lowest level first: each advance moves the whole tree, and only that level has a reminder at the instant.
            var waves = new List<NationalWave>();
            foreach (var level in new[] { 2, 1, 0 }.TakeWhile(_ => !stopped))
            {
                var advancedAt = DateTimeOffset.UtcNow;
                var fanOut = Stopwatch.StartNew();
                await AdvanceAsync(engine, top, instants[level]);
                waves.Add(new NationalWave(level, instants[level], advancedAt, fanOut.Elapsed.TotalSeconds));
                Progress.Say($"row 4: advanced the tree to the {NationalPlan.Levels[level]} reminder ({instants[level]:yyyy-MM-dd HH:mm}) in {fanOut.Elapsed.TotalSeconds:F1} s");
                stopped = !await WaitAsync($"@wave {level}");
            }

            var seconds = watch.Elapsed.TotalSeconds;
            var requests = meter.Snapshot() - before;
            var episodes = await StorageMeter.CountHistoryAsync(storage, name, "OrchestratorStarted");
            using var self = Process.GetCurrentProcess();
            report = new NationalReport(started, seconds, levels, waves, Math.Max(peak, self.PeakWorkingSet64), episodes, requests, stopped);
            Progress.Say($"row 4: engine process done after {seconds:F0} s{(stopped ? " (stopped at the cap)" : "")}, {episodes:N0} episodes; deleting task hub {name}");
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(report));
    }

    /// <summary>Issues the relays' plans, <paramref name="parallel"/> at a time, as that many operators would.</summary>
    private static async Task<NationalLevel> IssueAsync(
        DurableTaskClient client, SubCycles subCycles, int level, IReadOnlyList<(string Parent, string Relay)> relays, RelayPlanRequest request, int parallel, Stopwatch watch)
    {
        var from = watch.Elapsed;
        var refused = new ConcurrentQueue<string>();
        var done = 0;
        await Parallel.ForEachAsync(relays, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (relay, cancel) =>
        {
            var issue = await subCycles.IssueAsync(client, relay.Parent, relay.Relay, request, $"bench-{relay.Relay}", cancel);
            if (issue.Errors.Count > 0)
            {
                refused.Enqueue($"{relay.Relay}: {string.Join("; ", issue.Errors.Select(e => e.Message))}");
            }

            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                Progress.Say($"row 4:   {NationalPlan.Levels[level]}: {done:N0} of {relays.Count:N0} issued, {(watch.Elapsed - from).TotalSeconds:F0} s");
            }
        });
        var seconds = (watch.Elapsed - from).TotalSeconds;
        Progress.Say($"row 4: {NationalPlan.Levels[level]}: {relays.Count - refused.Count:N0} sub-cycles issued in {seconds:F1} s ({refused.Count} refused)");
        return new NationalLevel(level, relays.Count - refused.Count, from.TotalSeconds, seconds, refused.TryPeek(out var first) ? first : null);
    }

    /// <summary>Until every cycle runs and has recorded its plan and clock (past issuing): before that a relay cannot issue.</summary>
    private static async Task ReadyAsync(DurableTaskClient client, IReadOnlyList<string> ids, int parallel, string level)
    {
        var pending = ids.ToList();
        var watch = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            var ready = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (id, cancel) =>
            {
                var state = await client.GetInstanceAsync(id, cancellation: cancel);
                if (state?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                {
                    throw new InvalidOperationException($"{id} ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
                }

                if (state is { IsRunning: true } && state.ReadCustomStatusAs<CycleProgress>() is { Phase: not CyclePhase.Issuing })
                {
                    ready.Add(id);
                }
            });
            pending = [.. pending.Except(ready)];
            if (pending.Count > 0)
            {
                Progress.Say($"row 4:   {level}: {ids.Count - pending.Count:N0} of {ids.Count:N0} cycles past issuing after {watch.Elapsed.TotalSeconds:F0} s");
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    /// <summary>The operator's "advance" on the top cycle, through the API's handler (with no HTTP server around it).</summary>
    private static async Task AdvanceAsync(BenchEngine engine, string top, DateTimeOffset to)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { to }, Workflow.Api.Http.ApiJson.Options)));
        var services = engine.Services;
        var result = await CycleCommandHandlers.AdvanceAsync(
            top, http.Request, engine.Client, services.GetRequiredService<CycleClocks>(), services.GetRequiredService<ICycleLinks>(), CancellationToken.None);
        if (result is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status202Accepted })
        {
            throw new InvalidOperationException($"The advance to {to} was refused: {result}.");
        }
    }

    /// <summary>Tells the parent what to wait for; true to go on, false when it answers "stop".</summary>
    private static async Task<bool> WaitAsync(string what)
    {
        await Console.Out.WriteLineAsync(what);
        await Console.Out.FlushAsync();
        return await Console.In.ReadLineAsync() == "go";
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
