namespace Workflow.Email;

/// <summary>An e-mail to send once: <see cref="Key"/> is deterministic (see <see cref="MessageKeys"/>), so a retry carries the same key.</summary>
public sealed record OutgoingMail(string Key, IReadOnlyList<Recipient> To, MailContent Content)
{
    public IReadOnlyList<Recipient> Cc { get; init; } = [];
}
