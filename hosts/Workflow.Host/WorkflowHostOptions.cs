namespace Workflow.Host;

/// <summary>Where the host listens and how large a request may be; bound from "Host" before Kestrel starts.</summary>
public sealed class WorkflowHostOptions
{
    public const string SectionName = "Host";

    /// <summary>7071, like the Functions host; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Largest request body: a nomination dossier is several scanned files.</summary>
    public long MaxRequestBodyBytes { get; set; } = 60L * 1024 * 1024;
}
