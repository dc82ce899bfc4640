namespace Workflow.Email;

/// <summary>A key this sender holds as pending, with its personalization and the failed attempts before this one.</summary>
public sealed record OutboxItem(BatchRecipient Recipient, ClaimedKey Claim, int Attempts);
