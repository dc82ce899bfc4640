namespace Workflow.Email;

public sealed record Recipient(string Email, string? Name = null);
