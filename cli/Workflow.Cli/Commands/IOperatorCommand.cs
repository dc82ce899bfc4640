namespace Workflow.Cli.Commands;

/// <summary>One verb of the command line that talks to the host.</summary>
internal interface IOperatorCommand
{
    string Name { get; }

    /// <summary>The usage line, after <c>workflow </c>.</summary>
    string Usage { get; }

    string Description { get; }

    /// <summary>The options this verb accepts besides --url and --key.</summary>
    IReadOnlyCollection<string> Options { get; }

    /// <summary>The options without a value (--json, --watch).</summary>
    IReadOnlyCollection<string> Flags => [];

    Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default);
}
