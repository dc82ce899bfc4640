namespace Workflow.Api.Contracts;

/// <summary>A deliverable of the plan; an <see cref="Optional"/> one is reminded, never chased or counted as missing.</summary>
public sealed record DeliverableInfo(string Id, string Title, DeliverableKind Kind, string DeadlineText, string LastAcceptedText, LatePolicy LatePolicy, bool Optional = false);
