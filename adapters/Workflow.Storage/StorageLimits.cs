namespace Workflow.Storage;

/// <summary>
/// What Table Storage accepts, as bounds the boundary checks before anything is stored. A string property holds at
/// most 64 KiB (32,768 UTF-16 characters) and an entity at most 1 MiB; a larger write fails after the blob is stored.
/// </summary>
public static class StorageLimits
{
    /// <summary>One text column (statistics JSON, a nominee's record): under the 32,768 characters of a 64 KiB property.</summary>
    public const int MaxTextColumnChars = 30_000;

    /// <summary>A content type kept with a file; RFC 6838 allows 127 characters per type and subtype.</summary>
    public const int MaxContentTypeChars = 255;

    /// <summary>Files in one dossier: one transaction holds the status row and one audit row per file (at most 100 entities).</summary>
    public const int MaxFilesPerBatch = 50;

    /// <summary>Cuts a free text (an audit reason built from user input) to what one column holds.</summary>
    public static string? Clip(string? text) =>
        text is { Length: > MaxTextColumnChars } ? string.Concat(text.AsSpan(0, MaxTextColumnChars - 1), "…") : text;
}
