namespace Workflow.Email;

/// <summary>A rendered e-mail: subject, plain text and the same text as simple HTML.</summary>
public sealed record MailContent(string Subject, string Text, string Html);
