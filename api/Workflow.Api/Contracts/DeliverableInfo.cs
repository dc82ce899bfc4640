namespace Workflow.Api.Contracts;

public sealed record DeliverableInfo(string Id, string Title, DeliverableKind Kind, string DeadlineText, string LastAcceptedText, LatePolicy LatePolicy);
