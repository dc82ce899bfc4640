namespace Workflow.Email;

/// <summary>SendGrid refused a request (the mails in it were certainly not sent).</summary>
public sealed class MailSendException(string message, int statusCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
