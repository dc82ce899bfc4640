namespace Workflow.Email;

/// <summary>
/// One recipient of a <see cref="MailBatch"/>, sent at most once under its own <see cref="Key"/> exactly as
/// <see cref="IMailer.SendAsync"/> would. Substitution values are put in verbatim (subject, text and HTML alike,
/// as SendGrid does), so a value must read correctly in all three.
/// </summary>
public sealed record BatchRecipient(string Key, IReadOnlyList<Recipient> To, IReadOnlyDictionary<string, string> Substitutions)
{
    public IReadOnlyList<Recipient> Cc { get; init; } = [];
}
