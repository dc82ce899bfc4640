namespace Workflow.Cli.Arguments;

/// <summary>A command line split into the verb, its positional arguments and its options (an option may repeat).</summary>
internal sealed record ParsedArguments(string Verb, IReadOnlyList<string> Positionals, IReadOnlyDictionary<string, IReadOnlyList<string>> Options)
{
    public string? Single(string option) => Options.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string option) => Options.TryGetValue(option, out var values) ? values : [];

    public bool Has(string option) => Options.ContainsKey(option);
}
