namespace Workflow.Email;

/// <summary>
/// One e-mail for many recipients, sent in as few provider requests as SendGrid allows. The template's subject,
/// text and HTML carry substitution tags (e.g. <c>-ten-don-vi-</c>, <c>-duong-dan-</c>) that each recipient's
/// <see cref="BatchRecipient.Substitutions"/> replace, so every unit still gets its own link.
/// </summary>
public sealed record MailBatch(MailContent Template, IReadOnlyList<BatchRecipient> Recipients);
