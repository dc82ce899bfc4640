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

    public static UnitState StateOf(DeliverableStatus row, DateTimeOffset now) =>
        row.State == SubmissionState.Submitted ? (row.Late ? UnitState.Late : UnitState.OnTime)
        : now >= row.Cutoff ? UnitState.Missing : UnitState.Pending;

    public static string UnitName(Plan plan, string unitId) => plan.Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? unitId;

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
