namespace Workflow.Domain.Levels;

/// <summary>
/// Something a relay hands down to its units: a deliverable or a proposal round, with the relay's own deadline to the
/// parent (null for a round the parent has not dated), before which the relay's deadline must end.
/// </summary>
public sealed record InheritedSubject(string Id, string Title, bool IsNominationRound, Deadline? ParentDeadline);
