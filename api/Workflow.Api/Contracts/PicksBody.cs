namespace Workflow.Api.Contracts;

/// <summary>The province's picks for a level chosen from lower-level proposals.</summary>
public sealed record PicksBody(IReadOnlyList<string>? Nominations, string? PickedBy);
