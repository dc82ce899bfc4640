using Workflow.Durable.Benchmarks;

// Usage: ./run bench [--quick]   (WORKFLOW_STORAGE must point at Azurite; ./run bench sets it)
var connection = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
    ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string.");
var quick = args.Contains("--quick");

Console.Error.WriteLine("warming up...");
await Scenarios.RunOneAsync(connection, nameof(Scenarios.Sequence), 20);

var sequentialCount = quick ? 200 : 500;
Console.Error.WriteLine($"sequential: {sequentialCount} activities in one instance");
var sequential = await Scenarios.RunOneAsync(connection, nameof(Scenarios.Sequence), sequentialCount);

Console.Error.WriteLine("fan-out/fan-in: 1,000 activities");
var fan1k = await Scenarios.RunOneAsync(connection, nameof(Scenarios.FanOut), 1_000);

Console.Error.WriteLine("fan-out/fan-in: 10,000 activities");
var fan10k = await Scenarios.RunOneAsync(connection, nameof(Scenarios.FanOut), 10_000);

var eventCount = quick ? 1_000 : 2_000;
Console.Error.WriteLine($"external events: {eventCount} into one instance");
var events = await Scenarios.ExternalEventsAsync(connection, eventCount);

Console.Error.WriteLine("200 instances x 5 sequential activities, started together");
var many = await Scenarios.ManyInstancesAsync(connection, 200, 5);

var timerCount = quick ? 50 : 200;
Console.Error.WriteLine($"timer lateness: {timerCount} timers of 1-3 s on the real clock");
var lateness = await Scenarios.TimerLatenessAsync(connection, timerCount);
lateness.Sort();
double Percentile(double p) => lateness[Math.Clamp((int)Math.Ceiling(p * lateness.Count) - 1, 0, lateness.Count - 1)];

var rows = new List<string[]>
{
    new[] { "Sequential activities, one instance", $"{sequentialCount / sequential.Seconds:F0}/s ({sequentialCount} in {sequential.Seconds:F2} s)", "≥ 250/s", "60 / 86/s (100 activities)", "5/s (Netherite 250/s)" },
    new[] { "Fan-out/fan-in of 1,000 activities", $"{fan1k.Seconds:F2} s", "< 1 s", "12.6 / 7.9 s", "100/s out, 150/s in" },
    new[] { "Fan-out/fan-in of 10,000 activities", $"{fan10k.Seconds:F2} s", "< 10 s", "-", "-" },
    new[] { "External events into one instance", $"{eventCount / events:F0}/s ({eventCount} in {events:F2} s)", "≥ 1,000/s", "105 / 564/s (500 events)", "50/s" },
    new[] { "200 instances x 5 activities, started together", $"{many.Seconds:F2} s ({200 / many.Seconds:F0} instances/s, {1000 / many.Seconds:F0} activities/s)", "< 4 s", "9.4 / 8.8 s (21-23 instances/s)", "-" },
    new[] { $"Timer lateness p50 / p99 ({lateness.Count} timers, 1-3 s)", $"{Percentile(0.5):F0} / {Percentile(0.99):F0} ms (min {lateness[0]:F0} ms, never early: {(lateness[0] >= 0 ? "yes" : "NO")})", "p99 < 1 s, never early", "up to 1 s early", "-" },
    new[] { "Storage operations per step (sequential)", $"{(double)sequential.Operations / sequentialCount:F2} per activity", "-", "-", "-" },
    new[] { "Storage operations per step (200 x 5)", $"{many.Operations / 1000.0:F2} per activity ({many.Operations / 200.0:F1} per instance)", "-", "-", "-" },
};
string[] header = ["Work (this machine, Azurite)", "Measured", "Target", "DTFx on Azurite here (ext. sessions off / on)", "Durable Functions published (per instance)"];
Console.WriteLine("| " + string.Join(" | ", header) + " |");
Console.WriteLine("|" + string.Concat(Enumerable.Repeat(" --- |", header.Length)));
foreach (var row in rows)
{
    Console.WriteLine("| " + string.Join(" | ", row) + " |");
}
