using System.Net.Sockets;
using Azure;

namespace Workflow.Api.Http;

/// <summary>
/// Whether an exception means a dependency could not be reached (storage down, a network fault) rather than a bug:
/// the Azure SDK's "no response" (status 0, often inside the AggregateException its retry policy throws when every try
/// failed), the storage service saying it is busy or unavailable, and the socket and HTTP errors beneath them, also
/// when the Durable Task engine's storage layer wraps them.
/// </summary>
public static class StorageFaults
{
    /// <summary>How long a client should wait before trying again (the Retry-After header).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public static bool IsUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var pending = new Stack<Exception>([exception]);
        // Bounded: a pathological chain of inner exceptions is not walked for ever.
        for (var seen = 0; pending.Count > 0 && seen < 64; seen++)
        {
            var current = pending.Pop();
            if (current is RequestFailedException { Status: 0 or 408 or 500 or 502 or 503 or 504 } or HttpRequestException or SocketException or TimeoutException)
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }
}
