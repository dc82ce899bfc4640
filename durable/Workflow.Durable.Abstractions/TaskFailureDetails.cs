namespace Workflow.Durable;

/// <summary>What went wrong in a failed activity, sub-orchestration or orchestration.</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException failed)
        {
            return new TaskFailureDetails(typeof(TaskFailedException).FullName!, failed.Message, failed.StackTrace, failed.FailureDetails);
        }

        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True when this failure (or one it wraps) is of exception type <typeparamref name="TException"/>.</summary>
    public bool IsCausedBy<TException>()
        where TException : Exception
        => ErrorType == typeof(TException).FullName || (InnerFailure?.IsCausedBy<TException>() ?? false);
}
