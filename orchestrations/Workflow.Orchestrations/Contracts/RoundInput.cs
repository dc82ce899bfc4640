namespace Workflow.Orchestrations.Contracts;

/// <summary>One nomination round of a cycle; <see cref="Candidates"/> carries the lower round's accepted nominees for picked levels.</summary>
public sealed record RoundInput(string CycleId, string RoundId, string TimeZone, DateTimeOffset? ClosesAt, DateTimeOffset CycleClosesAt, IReadOnlyList<string> Candidates);
