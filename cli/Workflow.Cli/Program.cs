using Spectre.Console;
using Workflow.Cli;

// Ctrl-C stops a --watch cleanly (the verb sees the token) instead of killing the process mid-redraw.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var handler = new SocketsHttpHandler();
var console = Console.IsOutputRedirected ? Workflow.Cli.Rendering.ConsoleFactory.For(Console.Out) : AnsiConsole.Console;
return await CliApp.RunAsync(args, console, Console.Error, Environment.GetEnvironmentVariable, handler, cancel.Token);
