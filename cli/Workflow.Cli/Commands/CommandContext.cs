using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

internal sealed record CommandContext(OperatorClient Api, TextWriter Output, TextWriter Error)
{
    /// <summary>Reports a mistake in the command line itself: exit code 2, with the verb's usage.</summary>
    public int UsageError(IOperatorCommand command, string message)
    {
        Error.WriteLine($"✗ {message}");
        Error.WriteLine($"  Cách dùng: workflow {command.Usage}");
        return 2;
    }
}
