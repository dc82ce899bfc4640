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
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "LedgerTable must be a valid table name.")]
    public string LedgerTable { get; set; } = "workflowmail";
}
