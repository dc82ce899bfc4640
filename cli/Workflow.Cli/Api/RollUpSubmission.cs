namespace Workflow.Cli.Api;

/// <summary>
/// A relay's report to its parent as the CLI sends it: the narrative file, the statistics (null: the host's pre-filled
/// ones), a reason per corrected figure ("form.field" → reason) and the file-only forms.
/// </summary>
internal sealed record RollUpSubmission(
    string FileName, byte[] Content, string? Statistics, IReadOnlyDictionary<string, string> Corrections, IReadOnlyList<FormUpload> Forms);
