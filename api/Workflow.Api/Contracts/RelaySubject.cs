namespace Workflow.Api.Contracts;

/// <summary>
/// One subject handed down: the relay's deadline for its units goes under <see cref="Id"/> in the request's deadlines
/// and must end before <see cref="ParentLastDay"/> (yyyy-MM-dd); a round the parent has not dated has none.
/// </summary>
public sealed record RelaySubject(string Id, string Title, bool IsNominationRound, string? ParentDeadlineText, string? ParentLastDay);
