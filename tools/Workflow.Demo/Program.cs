using Workflow.Demo;

var options = DemoOptions.Parse(args);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
return await new DemoRun(new DemoApi(http, options), options, Console.Out).RunAsync();
