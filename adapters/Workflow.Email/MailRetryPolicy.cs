namespace Workflow.Email;

/// <summary>When a send that certainly failed is tried again: doubling delays up to a cap, and never for a permanent refusal or past the last attempt.</summary>
public static class MailRetryPolicy
{
    /// <summary>The instant of the next attempt after <paramref name="attempts"/> failed ones, or null when the key should be marked failed.</summary>
    public static DateTimeOffset? NextAttempt(int attempts, TransportResult result, DateTimeOffset now, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (result.Permanent || attempts >= options.MaxAttempts)
        {
            return null;
        }

        var delay = options.RetryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return now + (delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay);
    }
}
