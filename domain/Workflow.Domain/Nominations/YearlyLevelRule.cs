namespace Workflow.Domain.Nominations;

/// <summary>
/// "Có 05 năm liên tục (2019–2023) đạt danh hiệu X trở lên, trong đó ít nhất 03 năm đạt Y": every year of the
/// range at or above <see cref="Minimum"/> on the scale, and at least <see cref="AtLeastCount"/> years at or above
/// <see cref="AtLeastLevel"/>.
/// </summary>
public sealed record YearlyLevelRule : EligibilityRule
{
    public required string Scale { get; init; }
    public required int FromYear { get; init; }
    public required int ToYear { get; init; }
    public required string Minimum { get; init; }
    public string? AtLeastLevel { get; init; }
    public int AtLeastCount { get; init; }
}
