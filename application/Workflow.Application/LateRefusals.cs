namespace Workflow.Application;

/// <summary>
/// Late attempts refused at a proposal round's deadline, counted from the round's audit rows: one row per refused
/// attempt (a dossier is one attempt), and they keep coming after the round was judged, so every reader counts them here.
/// </summary>
public static class LateRefusals
{
    public static async Task<int> CountAsync(IStatusStore status, string cycleId, string roundId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        return (await status.ListAuditAsync(cycleId, roundId, cancellationToken: cancellationToken)).Count(a => a.Outcome == UploadOutcome.RejectedLate);
    }
}
