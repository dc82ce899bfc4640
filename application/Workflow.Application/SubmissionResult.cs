namespace Workflow.Application;

/// <summary>
/// What the boundary decided about a submission: the per-file upload results (receipts, or the reason for refusal)
/// and the problems with the submission itself (statistics, nominee record), each naming its field.
/// </summary>
public sealed record SubmissionResult(IReadOnlyList<UploadResult> Files, IReadOnlyList<FieldProblem> Problems)
{
    public bool Accepted => Problems.Count == 0 && Files.Count > 0 && Files.All(f => f.Accepted);

    public bool RejectedLate => Files.Any(f => f.Outcome == UploadOutcome.RejectedLate);

    /// <summary>Refused because the submission collides with another unit's (a nomination id it already holds).</summary>
    public bool Conflict { get; init; }
}
