namespace Workflow.Cli.Arguments;

/// <summary>Either the parsed arguments or a Vietnamese message saying what is wrong with them.</summary>
internal sealed record ArgumentResult(ParsedArguments? Arguments, string? Error)
{
    public static ArgumentResult Ok(ParsedArguments arguments) => new(arguments, null);

    public static ArgumentResult Fail(string error) => new(null, error);
}
