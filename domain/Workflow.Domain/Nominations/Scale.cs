namespace Workflow.Domain.Nominations;

/// <summary>
/// An ordered scale of yearly titles or ratings, lowest first, e.g. "Đơn vị tiên tiến" &lt; "Đơn vị quyết thắng".
/// "Đạt X trở lên" means a level at or above X.
/// </summary>
public sealed record Scale
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<ScaleLevel> Levels { get; init; } = [];

    /// <summary>Position of a level on the scale; -1 when unknown.</summary>
    public int Rank(string? level) => level is null ? -1 : Levels.ToList().FindIndex(l => l.Id == level);

    public string Label(string level) => Levels.FirstOrDefault(l => l.Id == level)?.Name ?? level;
}
