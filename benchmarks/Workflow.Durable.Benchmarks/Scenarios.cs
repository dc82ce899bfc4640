using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Durable.Benchmarks;

/// <summary>The measured workloads; each runs on its own fresh task hub.</summary>
internal static class Scenarios
{
    public static Task<int> Echo(TaskActivityContext context, int value) => Task.FromResult(value + 1);

    public static async Task<int> Sequence(TaskOrchestrationContext context, int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(Echo), value);
        }

        return value;
    }

    public static async Task<int> FanOut(TaskOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>(nameof(Echo), i)));
        return results.Length;
    }

    public static async Task<int> Listen(TaskOrchestrationContext context, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += await context.WaitForExternalEvent<int>("tick");
        }

        return sum;
    }

    public static async Task<double> Sleep(TaskOrchestrationContext context, int milliseconds)
    {
        var due = context.CurrentUtcDateTime.AddMilliseconds(milliseconds);
        await context.CreateTimer(due, CancellationToken.None);
        return (context.CurrentUtcDateTime - due).TotalMilliseconds;
    }

    public static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>(nameof(Echo), Echo)
        .AddOrchestratorFunc<int, int>(nameof(Sequence), Sequence)
        .AddOrchestratorFunc<int, int>(nameof(FanOut), FanOut)
        .AddOrchestratorFunc<int, int>(nameof(Listen), Listen)
        .AddOrchestratorFunc<int, double>(nameof(Sleep), Sleep);

    /// <summary>Seconds from schedule to completion of one instance, and storage operations spent.</summary>
    public static async Task<(double Seconds, long Operations)> RunOneAsync(string connection, TaskName name, int input)
    {
        await using var runtime = await BenchRuntime.StartAsync(connection, Register);
        var before = runtime.Hub.StorageOperations;
        var watch = Stopwatch.StartNew();
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(name, input);
        var result = await runtime.Client.WaitForInstanceCompletionAsync(id);
        watch.Stop();
        Ensure(result);
        return (watch.Elapsed.TotalSeconds, runtime.Hub.StorageOperations - before);
    }

    public static async Task<double> ExternalEventsAsync(string connection, int count)
    {
        await using var runtime = await BenchRuntime.StartAsync(connection, Register);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Listen), count);
        await runtime.Client.WaitForInstanceCompletionAsync(id, cancellationToken: new CancellationTokenSource(TimeSpan.FromMilliseconds(200)).Token)
            .ContinueWith(_ => { }, TaskScheduler.Default);
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) => await runtime.Client.RaiseEventAsync(id, "tick", 1, ct));
        var result = await runtime.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        watch.Stop();
        Ensure(result);
        return watch.Elapsed.TotalSeconds;
    }

    public static async Task<(double Seconds, long Operations)> ManyInstancesAsync(string connection, int instances, int steps)
    {
        await using var runtime = await BenchRuntime.StartAsync(connection, Register);
        var before = runtime.Hub.StorageOperations;
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => runtime.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sequence), steps)));
        var results = await Task.WhenAll(ids.Select(id => runtime.Client.WaitForInstanceCompletionAsync(id)));
        watch.Stop();
        foreach (var result in results)
        {
            Ensure(result);
        }

        return (watch.Elapsed.TotalSeconds, runtime.Hub.StorageOperations - before);
    }

    /// <summary>Lateness of durable timers on the real clock: commit of TimerFired minus due time (runtime metric).</summary>
    public static async Task<List<double>> TimerLatenessAsync(string connection, int timers)
    {
        var lateness = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Workflow.Durable" && instrument.Name == "workflow.durable.timer.lateness")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (lateness)
            {
                lateness.Add(value);
            }
        });
        listener.Start();
        await using var runtime = await BenchRuntime.StartAsync(connection, Register);
        var random = new Random(42);
        var ids = await Task.WhenAll(Enumerable.Range(0, timers).Select(_ => runtime.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sleep), random.Next(1000, 3000))));
        var results = await Task.WhenAll(ids.Select(id => runtime.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true)));
        foreach (var result in results)
        {
            Ensure(result);
        }

        lock (lateness)
        {
            return [.. lateness];
        }
    }

    private static void Ensure(OrchestrationMetadata result)
    {
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Instance {result.InstanceId} ended {result.RuntimeStatus}: {result.FailureDetails?.ErrorMessage}");
        }
    }
}
