namespace Workflow.Application;

/// <summary>
/// The live (running or pending) instances among a tree's sub-cycles: one paged query, since every sub-cycle's id
/// begins with its top cycle's id and a dot (a national tree has thousands, and one read each took minutes), and one
/// read for any sub-cycle named otherwise. A sub-cycle just issued may not have started yet; it counts as live.
/// </summary>
public static class SubCycleStates
{
    public static async Task<List<OrchestrationMetadata>> LiveAsync(
        DurableTaskClient client, string topCycleId, IReadOnlySet<string> cycleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cycleIds);
        var found = new List<OrchestrationMetadata>();
        if (cycleIds.Count == 0)
        {
            return found;
        }

        OrchestrationRuntimeStatus[] live = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending];
        var prefix = $"{topCycleId}.";
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = live, PageSize = 500, FetchInputsAndOutputs = false };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (cycleIds.Contains(instance.InstanceId))
            {
                found.Add(instance);
            }
        }

        foreach (var other in cycleIds.Where(l => !l.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (await client.GetInstanceAsync(other, cancellation: cancellationToken) is { } instance && live.Contains(instance.RuntimeStatus))
            {
                found.Add(instance);
            }
        }

        return found;
    }
}
