namespace Workflow.Cli.Commands;

/// <summary>A verb's command line as System.CommandLine parsed it: positional arguments and options (an option may repeat, a flag holds "true").</summary>
internal sealed record ParsedArguments(string Verb, IReadOnlyList<string> Positionals, IReadOnlyDictionary<string, IReadOnlyList<string>> Options)
{
    public string? Single(string option) => Options.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string option) => Options.TryGetValue(option, out var values) ? values : [];

    public bool Has(string option) => Options.ContainsKey(option);
}
