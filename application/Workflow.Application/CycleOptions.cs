using System.ComponentModel.DataAnnotations;

namespace Workflow.Application;

/// <summary>Settings of the cycle's use cases: the key that signs units' links and where those links point.</summary>
public sealed class CycleOptions
{
    public const string SectionName = "Cycle";

    /// <summary>HMAC key for units' link tokens (base64 or text, at least 32 bytes); from configuration, never the repository.</summary>
    [Required]
    [MinLength(32)]
    public string LinkKey { get; set; } = "";

    /// <summary>The address units open from their e-mails, e.g. the host's public URL.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Receipt numbers start with this, e.g. "BG" → BG-2024-000123.</summary>
    [Required]
    public string ReceiptPrefix { get; set; } = "TN";
}
