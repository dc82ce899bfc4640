using Workflow.Api.Contracts;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Api.Handlers;

/// <summary>What the handlers read about a cycle: its instance, its plan, its subjects and their rows.</summary>
internal static class CycleLookup
{
    /// <summary>The reporting-cycle instance; null for unknown ids and for the cycle's children (follow-ups, rounds).</summary>
    public static async Task<OrchestrationMetadata?> InstanceAsync(DurableTaskClient client, string cycleId, bool inputs, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(cycleId, inputs, cancellationToken);
        return instance?.Name == nameof(ReportingCycleOrchestrator) ? instance : null;
    }

    /// <summary>A round's latest run: a round retried after a failure runs as a new instance (attempt 2, 3...).</summary>
    public static async Task<OrchestrationMetadata?> RoundAsync(DurableTaskClient client, string cycleId, string roundId, CancellationToken cancellationToken)
    {
        var latest = await client.GetInstanceAsync(InstanceIds.Round(cycleId, roundId), cancellation: cancellationToken);
        for (var attempt = 2; latest is not null; attempt++)
        {
            if (await client.GetInstanceAsync(InstanceIds.Round(cycleId, roundId, attempt), cancellation: cancellationToken) is not { } next)
            {
                break;
            }

            latest = next;
        }

        return latest;
    }

    /// <summary>The stored plan, or the one in the start input while the first step has not recorded it yet.</summary>
    public static async Task<Plan?> PlanAsync(IPlanStore plans, DurableTaskClient client, string cycleId, CancellationToken cancellationToken)
    {
        if (!IsSafeId(cycleId))
        {
            return null;
        }

        return await plans.GetAsync(cycleId, cancellationToken)
            ?? (await InstanceAsync(client, cycleId, inputs: true, cancellationToken))?.ReadInputAs<CycleInput>()?.Plan;
    }

    /// <summary>Ids end up in blob paths and table keys: only the alphabet <see cref="SubmissionKey"/> accepts.</summary>
    public static bool IsSafeId(string? id)
    {
        try
        {
            _ = new SubmissionKey(id!, "x", "x");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static string SubjectTitle(Plan plan, string subject) => plan.SubjectTitle(subject) ?? subject;

    /// <summary>The wording of a round without a deadline, wherever it shows.</summary>
    public const string Undated = "Chưa ấn định thời hạn";

    /// <summary>
    /// A row's state at <paramref name="now"/>: an optional subject not handed in by its cutoff is not required, never
    /// missing. <paramref name="optional"/> is the plan's word, for rows seeded before rows carried the flag.
    /// </summary>
    public static UnitState StateOf(DeliverableStatus row, DateTimeOffset now, bool optional = false) =>
        row.State == SubmissionState.Submitted ? (row.Late ? UnitState.Late : UnitState.OnTime)
        : now >= row.Cutoff ? (row.Optional || optional ? UnitState.NotRequired : UnitState.Missing)
        : UnitState.Pending;

    /// <summary>A state as people read it; not proposing in an optional round is "Không đề nghị".</summary>
    public static string StateText(UnitState state, bool round) => state switch
    {
        UnitState.OnTime => "Đúng hạn",
        UnitState.Late => "Muộn",
        UnitState.Missing => "Quá hạn, chưa nộp",
        UnitState.NotRequired => round ? "Không đề nghị" : "Không nộp (không bắt buộc)",
        UnitState.Undated => Undated,
        _ => "Chưa nộp",
    };

    /// <summary>Where a round stands, from the plan and its latest run's status.</summary>
    public static (RoundState State, string Text) RoundStateOf(NominationRound round, OrchestrationMetadata? instance)
    {
        if (instance is null)
        {
            return round.PickedFrom is { } lower ? (RoundState.AwaitingLower, $"Chờ xét xong đợt «{lower}»")
                : round.Deadline is null ? (RoundState.Undated, Undated)
                : (RoundState.Open, "Đang nhận hồ sơ");
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            return (RoundState.Failed, "Lỗi khi xét, có thể chạy lại");
        }

        return instance.ReadCustomStatusAs<RoundProgress>()?.Phase switch
        {
            RoundProgress.AwaitingQuotas => (RoundState.AwaitingQuotas, "Chờ chỉ tiêu"),
            RoundProgress.AwaitingPicks => (RoundState.AwaitingPicks, "Chờ cấp tỉnh lựa chọn"),
            RoundProgress.ClosedWithoutQuotas => (RoundState.NotJudged, "Không xét do chưa có chỉ tiêu"),
            RoundProgress.ClosedWithoutPicks => (RoundState.ClosedWithoutPicks, "Kết thúc, cấp tỉnh không lựa chọn"),
            RoundProgress.Closed => (RoundState.Judged, "Đã xét"),
            _ => (RoundState.Judging, "Đang xét"),
        };
    }

    public static string UnitName(Plan plan, string unitId) => plan.Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? unitId;

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
