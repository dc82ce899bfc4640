namespace Workflow.Api.Contracts;

/// <summary>An extension handed to the cycle; <see cref="DatesRound"/>: it dates a round the plan left undated, for all its proposers.</summary>
public sealed record ExtensionAccepted(string Id, string Subject, string NewDeadlineText, string LastAcceptedText, IReadOnlyList<string> Units, bool DatesRound = false);
