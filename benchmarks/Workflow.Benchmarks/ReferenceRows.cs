using System.Diagnostics;
using Workflow.Benchmarks.Reference;
using Workflow.Engine;

namespace Workflow.Benchmarks;

/// <summary>Row 3: the engine's own costs with an empty activity, each on a fresh task hub, for comparison with runtime.md.</summary>
internal static class ReferenceRows
{
    private const int Sequential = 300;
    private const int FanOut = 1_000;
    private const int Instances = 200;
    private const int Steps = 5;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string storage, string sinkUrl)
    {
        Progress.Say("row 3: warm-up");
        await TimeAsync(storage, sinkUrl, nameof(SequenceOrchestrator), 10, 1);

        Progress.Say($"row 3: {Sequential} sequential activities in one instance");
        var sequential = await TimeAsync(storage, sinkUrl, nameof(SequenceOrchestrator), Sequential, 1);
        Progress.Say($"row 3: fan-out/fan-in of {FanOut:N0} activities");
        var fan = await TimeAsync(storage, sinkUrl, nameof(FanOutOrchestrator), FanOut, 1);
        Progress.Say($"row 3: {Instances} instances x {Steps} sequential activities, started together");
        var many = await TimeAsync(storage, sinkUrl, nameof(SequenceOrchestrator), Steps, Instances);
        return
        [
            new("3 · sequential activities, one instance", $"rate ({Sequential} activities)", $"{Sequential / sequential:F0}/s ({sequential:F1} s)", "reference (runtime.md: 36–71/s)", "—"),
            new($"3 · fan-out/fan-in of {FanOut:N0} activities", "seconds", $"{fan:F1} s", "reference (runtime.md: about 16 s)", "—"),
            new($"3 · {Instances} instances × {Steps} sequential activities", "seconds", $"{many:F1} s", "reference (runtime.md: 9–17 s)", "—"),
        ];
    }

    private static void Register(EngineTaskRegistry registry) => registry
        .AddOrchestrator<SequenceOrchestrator>()
        .AddOrchestrator<FanOutOrchestrator>()
        .AddActivity<EchoActivity>();

    /// <summary>Seconds from scheduling <paramref name="instances"/> instances until the last has completed.</summary>
    private static async Task<double> TimeAsync(string storage, string sinkUrl, string orchestrator, int input, int instances)
    {
        await using var engine = await BenchEngine.StartAsync(storage, sinkUrl, BenchEngine.UniqueName("r"), Register);
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => engine.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input)));
        foreach (var id in ids)
        {
            var done = await engine.Client.WaitForInstanceCompletionAsync(id);
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"{orchestrator} {id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
            }
        }

        return watch.Elapsed.TotalSeconds;
    }
}
