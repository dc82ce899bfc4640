using Workflow.Domain.Consolidation;

namespace Workflow.Domain.Tests.Consolidation;

public sealed class NominationCountsTests
{
    /// <summary>
    /// The demo's cycle: three dossiers taken in time and all accepted, one refused at the deadline after the round was
    /// judged; the province picks two of them for its certificate, whose quota admits one.
    /// </summary>
    [Fact]
    public void PicksAreTheirOwnFigure_AndLateRefusalsAreRejected()
    {
        var counts = NominationCounts.Of(
        [
            new RoundCounts("giay-khen-giam-doc", PickedLevel: false, Received: 3, Accepted: 3, Refused: 0, LateRejected: 1),
            new RoundCounts("bang-khen-chu-tich-tinh", PickedLevel: true, Received: 2, Accepted: 1, Refused: 1, LateRejected: 0),
            new RoundCounts("bang-khen-bo-truong", PickedLevel: false, Received: 0, Accepted: 0, Refused: 0, LateRejected: 0),
        ]);

        Assert.Equal(new NominationCounts(Received: 3, Accepted: 3, Rejected: 1, LateRejected: 1, Picked: 2, PickedAccepted: 1), counts);
        Assert.Equal("nhận 3, đạt 3, từ chối 1 (quá hạn 1); tỉnh chọn 2, đạt 1", counts.Describe());
    }

    [Fact]
    public void RejectedCountsRefusalsByTheChecksAndLateAttempts_AcrossProposalRounds()
    {
        var counts = NominationCounts.Of(
        [
            new RoundCounts("a", PickedLevel: false, Received: 5, Accepted: 2, Refused: 3, LateRejected: 2),
            new RoundCounts("b", PickedLevel: false, Received: 4, Accepted: 4, Refused: 0, LateRejected: 1),
        ]);

        Assert.Equal((9, 6, 6, 3, 0, 0), (counts.Received, counts.Accepted, counts.Rejected, counts.LateRejected, counts.Picked, counts.PickedAccepted));
        Assert.Equal("nhận 9, đạt 6, từ chối 6 (quá hạn 3)", counts.Describe());
    }

    [Fact]
    public void DossiersNotYetJudged_AreSaid()
    {
        var counts = NominationCounts.Of([new RoundCounts("a", PickedLevel: false, Received: 3, Accepted: 0, Refused: 0, LateRejected: 0)]);

        Assert.Equal("nhận 3, đạt 0, từ chối 0, chờ xét 3", counts.Describe());
        Assert.Equal(NominationCounts.None, NominationCounts.Of([]));
    }
}
