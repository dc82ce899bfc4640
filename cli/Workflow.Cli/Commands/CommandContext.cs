using Spectre.Console;
using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

/// <summary>What a verb runs with: the API, the plain output (also for --json), the errors, and the Spectre console over the same output for tables and live views.</summary>
internal sealed record CommandContext(OperatorClient Api, TextWriter Output, TextWriter Error, IAnsiConsole Console)
{
    /// <summary>Reports a mistake in the command line itself: exit code 2, with the verb's usage.</summary>
    public int UsageError(IOperatorCommand command, string message)
    {
        Error.WriteLine($"✗ {message}");
        Error.WriteLine($"  Cách dùng: workflow {command.Usage}");
        return 2;
    }
}
