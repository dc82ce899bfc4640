namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// What a batch did: mails sent (or found already sent by an earlier attempt), units that had handed in, and mails
/// withheld because they had become untrue by the time the batch ran (a rehearsal's clock ran past the point).
/// <see cref="Tally"/> is the cycle's count when the batch was asked for it (<see cref="PointBatch.TallyAt"/>); a sum of
/// outcomes carries none.
/// </summary>
public sealed record BatchOutcome(int Sent, int HandedIn, int Untrue)
{
    public Tally? Tally { get; init; }

    public static BatchOutcome None { get; } = new(0, 0, 0);

    public BatchOutcome Add(BatchOutcome other) => new(Sent + other.Sent, HandedIn + other.HandedIn, Untrue + other.Untrue);
}
