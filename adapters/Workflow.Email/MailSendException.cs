namespace Workflow.Email;

/// <summary>SendGrid refused the message; the key was released, so a retry may send it.</summary>
public sealed class MailSendException(string message, int statusCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
