namespace Workflow.Email;

/// <summary>What one outbox run did: keys sent, queued again or failed, and stale pending keys confirmed by the provider or requeued.</summary>
public sealed record MailOutboxRun(int Sent, int Retrying, int Failed, int Confirmed, int Requeued);
