using System.Globalization;

namespace Workflow.Domain.Consolidation;

/// <summary>
/// The cycle's headline nomination figures, the one arithmetic behind every place they are shown (custom status, cycle
/// summary, API, dashboard, command line, demo). <see cref="Received"/>: dossiers units sent and the boundary took in,
/// in proposal rounds only (the province's picks are not new proposals). <see cref="Accepted"/>: of those, accepted
/// after every check. <see cref="Rejected"/>: refused by the checks plus late attempts refused at the deadline
/// (<see cref="LateRejected"/>, never taken in, so not in <see cref="Received"/>). The province's picks and how many
/// of them its own level accepted are figures of their own.
/// </summary>
public sealed record NominationCounts(int Received, int Accepted, int Rejected, int LateRejected, int Picked, int PickedAccepted)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static NominationCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public static NominationCounts Of(IEnumerable<RoundCounts> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var all = rounds.ToList();
        var proposed = all.Where(r => !r.PickedLevel).ToList();
        var picked = all.Where(r => r.PickedLevel).ToList();
        return new NominationCounts(
            proposed.Sum(r => r.Received),
            proposed.Sum(r => r.Accepted),
            proposed.Sum(r => r.Refused + r.LateRejected),
            proposed.Sum(r => r.LateRejected),
            picked.Sum(r => r.Received),
            picked.Sum(r => r.Accepted));
    }

    /// <summary>"nhận 3, đạt 3, từ chối 1 (quá hạn 1); tỉnh chọn 2, đạt 1": what is not yet judged is said, the picks only once there are any.</summary>
    public string Describe()
    {
        var awaiting = Received - Accepted - (Rejected - LateRejected);
        var text = string.Create(Vietnamese, $"nhận {Received}, đạt {Accepted}, từ chối {Rejected}");
        if (LateRejected > 0)
        {
            text += string.Create(Vietnamese, $" (quá hạn {LateRejected})");
        }

        if (awaiting > 0)
        {
            text += string.Create(Vietnamese, $", chờ xét {awaiting}");
        }

        return Picked > 0 ? text + string.Create(Vietnamese, $"; tỉnh chọn {Picked}, đạt {PickedAccepted}") : text;
    }
}
