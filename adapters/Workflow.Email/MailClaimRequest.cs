namespace Workflow.Email;

/// <summary>A key to record as pending before its send, with what an operator needs to see about it.</summary>
public sealed record MailClaimRequest(string Key, string Recipients, string Subject);
