using Workflow.Domain.Serialization;
using Workflow.Soak;

// dotnet Workflow.Soak.dll --root <repository>: progress on stderr, the table on stdout, exit 1 when anything is lost, missed,
// duplicated, answered ≥ 500 to hostile input, or the consolidation differs (./run soak).
var options = SoakOptions.Parse(args);
var planJson = await File.ReadAllTextAsync(options.PlanPath);
var plan = PlanJson.Read(planJson).Plan ?? throw new InvalidOperationException($"{options.PlanPath} is not a valid plan.");
var scenario = SoakScenario.For(plan);
var progress = Console.Error;
await using var lab = await SoakLab.LaunchAsync(options);
progress.WriteLine($"Azurite, the mail sink and the host are up; host output goes to {lab.HostLogPath}");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200 }) { Timeout = TimeSpan.FromSeconds(100) };
var control = await new CycleRun(lab, new SoakClient(http, lab), plan, planJson, scenario, FaultPlan.None, progress).RunAsync("control");
var faulted = await new CycleRun(lab, new SoakClient(http, lab), plan, planJson, scenario, FaultPlan.Campaign, progress).RunAsync("faulted");
var report = new SoakReport(control, faulted);
Console.Out.Write(report.Render());
return report.Passed ? 0 : 1;
