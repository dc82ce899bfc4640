using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// Carries a tree's advance to the sub-cycles with a step due, at most <see cref="TreeAdvance.Window"/> at a time: each window is
/// sent the advance, and more are woken as those are seen past their step (read every <see cref="Poll"/>). The storage
/// queues then hold a window's messages, not a whole tree's: the local engine's emulator pays for every queue operation
/// with the backlog of the whole account (benchmarks/README.md), and Azure bills every message either way. A sub-cycle
/// that has not acted after <see cref="Patience"/> stops holding its place, so one stuck cycle cannot hold up the tree.
/// The fan-out continues as new after each window, so its history stays a window long. Returns the sub-cycles woken.
/// </summary>
public sealed class TreeAdvanceOrchestrator : TaskOrchestrator<TreeAdvance, int>
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public override async Task<int> RunAsync(TaskOrchestrationContext context, TreeAdvance input)
    {
        var waking = input.Waking.ToList();
        var take = input.Pending.Take(Math.Max(0, input.Window - waking.Count)).ToList();
        if (take.Count > 0)
        {
            await context.CallActivityAsync<int>(nameof(ICycleActivities.WakeSubCycles), new SubCycleWakes(input.To, input.RequestedBy, take), ActivityRetry.Default);
            waking.AddRange(take.Select(t => new SubCycleWaking(t.CycleId, context.CurrentUtcDateTime)));
        }

        var pending = input.Pending.Skip(take.Count).ToList();
        var woken = input.Woken + take.Count;
        // Bounded: every sub-cycle leaves the window once it has acted, or after its patience.
        while (waking.Count > 0)
        {
            context.SetCustomStatus(new TreeAdvanceProgress(woken, woken + pending.Count, waking.Count));
            await context.CreateTimer(Poll, CancellationToken.None);
            var still = (await StillWakingAsync(context, input, waking)).ToHashSet(StringComparer.Ordinal);
            var now = context.CurrentUtcDateTime;
            waking = [.. waking.Where(w => still.Contains(w.CycleId) && now - w.Since < Patience)];
            if (pending.Count > 0 && waking.Count <= input.Window / 2)
            {
                context.ContinueAsNew(input with { Pending = pending, Waking = waking, Woken = woken });
                return woken;
            }
        }

        context.SetCustomStatus(new TreeAdvanceProgress(woken, woken + pending.Count, 0));
        return woken;
    }

    /// <summary>Those not yet past their step; if storage cannot say even after retries, all of them (their patience still runs).</summary>
    private static async Task<IReadOnlyList<string>> StillWakingAsync(TaskOrchestrationContext context, TreeAdvance input, List<SubCycleWaking> waking)
    {
        IReadOnlyList<string> ids = [.. waking.Select(w => w.CycleId)];
        try
        {
            return await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ICycleActivities.StillWaking), new WakeCheck(input.TopCycleId, input.To, ids), ActivityRetry.Default);
        }
        catch (TaskFailedException)
        {
            return ids;
        }
    }
}
