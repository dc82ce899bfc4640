using Workflow.Cli;

using var handler = new SocketsHttpHandler();
return await CliApp.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, handler);
