using Azure;

namespace Workflow.Email;

/// <summary>The outcome of claiming one key: the new row's ETag, or null with the record that already held the key.</summary>
public sealed record MailClaim(string Key, ETag? Claimed, MailRecord? Existing);
