using Workflow.Benchmarks;
using Workflow.MailSink;

// ./run bench [--rows 1,2,3,national] [--units 2000] [--large-units 100000] [--cap-minutes 10]
//             [--national-provinces 34 --national-communes 3300 --national-base 100000]   (WORKFLOW_STORAGE: Azurite)
var storage = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
    ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run bench does).");
if (args is [LargeCycleEngine.Verb, ..])
{
    await LargeCycleEngine.RunAsync(storage, args);
    return;
}

if (args is [NationalEngine.Verb, ..])
{
    await NationalEngine.RunAsync(storage, args);
    return;
}

var options = BenchOptions.Parse(args);
await using var sink = await MailSinkServer.StartAsync();
using var meter = new StorageMeter(storage, new Uri(sink.BaseUrl).Port);
var rows = new List<BenchRow>();
if (options.Rows.Contains(1)) rows.AddRange(await CycleComparison.RunAsync(storage, sink, meter, options));
if (options.Rows.Contains(2)) rows.AddRange(await LargeCycle.RunAsync(storage, sink, options));
if (options.Rows.Contains(3)) rows.AddRange(await ReferenceRows.RunAsync(storage, sink.BaseUrl));
if (options.Rows.Contains(BenchOptions.National)) rows.AddRange(await NationalRehearsal.RunAsync(storage, sink, options));
BenchTable.Print(Console.Out, rows);
