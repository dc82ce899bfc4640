namespace Workflow.Storage;

/// <summary>
/// One file arriving at the boundary. <see cref="ReceivedAt"/> is the server's arrival instant when the caller took it
/// before reading the body (an HTTP request, or several files of one dossier judged at one instant); null means now.
/// <see cref="StatisticsJson"/> travels with a report and is kept with the version that counts.
/// </summary>
public sealed record UploadRequest(SubmissionKey Key, string? FileName, string? ContentType, Stream Content)
{
    public DateTimeOffset? ReceivedAt { get; init; }

    public string? StatisticsJson { get; init; }

    /// <summary>The file-only form this file fills (a report's filled "Biểu mẫu 3"); null for the report itself or a dossier document.</summary>
    public string? Form { get; init; }
}
