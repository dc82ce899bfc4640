namespace Workflow.Email;

public enum MailState
{
    /// <summary>Recorded before sending; the send has not been confirmed.</summary>
    Pending,

    Sent,
}
