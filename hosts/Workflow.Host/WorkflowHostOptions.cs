namespace Workflow.Host;

/// <summary>Where the host listens, how large a request may be and how slowly it may arrive; bound from "Host" before Kestrel starts.</summary>
public sealed class WorkflowHostOptions
{
    public const string SectionName = "Host";

    /// <summary>7071, like the Functions host; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Largest request body: a nomination dossier is several scanned files.</summary>
    public long MaxRequestBodyBytes { get; set; } = 60L * 1024 * 1024;

    /// <summary>Time allowed to receive a request's headers (Kestrel's RequestHeadersTimeout).</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Slowest body accepted, averaged after <see cref="MinRequestBodyGrace"/> (Kestrel's MinRequestBodyDataRate).</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 1024;

    public TimeSpan MinRequestBodyGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest a request may take, body included: a body trickled just above the minimum rate is still cut off here
    /// (408). 60 MB at 100 KB/s takes 10 minutes.
    /// </summary>
    public TimeSpan MaxRequestDuration { get; set; } = TimeSpan.FromMinutes(15);
}
