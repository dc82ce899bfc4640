namespace Workflow.Domain.Nominations;

/// <summary>
/// The facts a unit declares about a nominee: yearly levels per scale (scale id → year → level id),
/// yes/no facts (discipline, inspection, complaints...) and numbers (years in the movement...).
/// </summary>
public sealed record NomineeRecord
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> Yearly { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<int, string>>();

    public IReadOnlyDictionary<string, bool> Flags { get; init; } = new Dictionary<string, bool>();
    public IReadOnlyDictionary<string, decimal> Numbers { get; init; } = new Dictionary<string, decimal>();
}
