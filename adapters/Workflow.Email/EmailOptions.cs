using System.ComponentModel.DataAnnotations;

namespace Workflow.Email;

/// <summary>SendGrid access and the sender, bound from the "Email" section. The API key comes from configuration (user secrets, environment), never from the repository.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>SendGrid's API host; locally and in tests the recording endpoint on 127.0.0.1.</summary>
    [Required]
    [Url]
    public string Host { get; set; } = "https://api.sendgrid.com";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "Cơ quan thường trực Ban Chỉ đạo 138";

    /// <summary>Base of the units' upload links; the per-unit token is appended by <see cref="UploadLink.For"/>.</summary>
    [Url]
    public string UploadBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Storage account of the message-key ledger that keeps sends to one per key.</summary>
    [Required]
    public string LedgerConnectionString { get; set; } = "";

    [Required]
    // Room for the shards' digit and the intents table's suffix within the service's 63 characters.
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,55}$", ErrorMessage = "LedgerTable must be a table name of 3 to 56 letters and digits.")]
    public string LedgerTable { get; set; } = "workflowmail";

    /// <summary>How often the outbox sender looks for queued, stale pending and unsettled upload mails.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before the first retry of a send that certainly failed; it doubles with every further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed attempts after which a key is marked failed and waits for an operator (about 3 hours with the defaults).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How long a claimed key may stay unconfirmed before the provider is asked about it: longer than any send takes,
    /// and long enough for SendGrid's activity feed, which shows a message some minutes after it is sent.
    /// </summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an upload's mail intent may stay before the outbox finishes it from the upload's audit rows.</summary>
    public TimeSpan IntentGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an upload waits for its receipt to go out before answering; the outbox finishes what is left.</summary>
    public TimeSpan InlineSendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
