namespace Workflow.Api.Contracts;

/// <summary>
/// A category of nominee a unit may propose in a round, with what its criteria ask: the wording of each criterion,
/// the yes/no facts to answer (<see cref="Flags"/>) and the numbers to give (<see cref="Numbers"/>). The unit page
/// builds its form from these.
/// </summary>
public sealed record ProfileInfo(string Id, string Name, NomineeKind NomineeKind)
{
    public IReadOnlyList<string> Criteria { get; init; } = [];
    public IReadOnlyList<FactInfo> Flags { get; init; } = [];
    public IReadOnlyList<FactInfo> Numbers { get; init; } = [];

    public static ProfileInfo Of(EligibilityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rules = profile.Rules.SelectMany(Flatten).ToList();
        return new ProfileInfo(profile.Id, profile.Name, profile.NomineeKind)
        {
            Criteria = [.. profile.Rules.Select(r => r.Description)],
            Flags = [.. rules.OfType<FlagRule>().DistinctBy(r => r.Flag).Select(r => new FactInfo(r.Flag, r.Description, r.Required, null))],
            Numbers = [.. rules.OfType<MinimumNumberRule>().DistinctBy(r => r.Number).Select(r => new FactInfo(r.Number, r.Description, null, r.Minimum))],
        };
    }

    private static IEnumerable<EligibilityRule> Flatten(EligibilityRule rule) =>
        rule is AnyOfRule anyOf ? anyOf.Alternatives.SelectMany(Flatten) : [rule];
}
