using System.Text.Json;
using Workflow.Durable;

namespace Workflow.Cycle.Tests;

/// <summary>Steps a cycle on a fake clock: waits until every follow-up has done its work for the current instant.</summary>
internal static class CycleDriver
{
    public static async Task<bool> AllStartedAsync(DurableTaskClient client, IReadOnlyList<string> followUps)
    {
        foreach (var id in followUps)
        {
            if (await client.GetInstanceAsync(id) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every follow-up has finished, or has armed its next timer beyond <paramref name="now"/>: the step is done.</summary>
    public static async Task SettledAsync(DurableTaskClient client, IReadOnlyList<string> followUps, DateTimeOffset now)
    {
        string? waiting = null;
        await Eventually(
            async () =>
            {
                foreach (var id in followUps)
                {
                    var instance = await client.GetInstanceAsync(id);
                    if (instance is null || instance.IsCompleted)
                    {
                        continue;
                    }

                    var lastTimer = (await client.GetHistoryAsync(id)).LastOrDefault(e => e.EventType == "TimerCreated");
                    if (lastTimer is null || JsonSerializer.Deserialize<DateTime>(lastTimer.Data!) <= now.UtcDateTime)
                    {
                        waiting = id;
                        return false;
                    }
                }

                return true;
            },
            async () => $"at {now:O}: " + await Describe(client, waiting!));
    }

    public static async Task<OrchestrationMetadata> WaitForCompletion(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        return done;
    }

    public static async Task Eventually(Func<Task<bool>> condition, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The cycle did not reach the expected state within 60 s. {(explain is null ? "" : await explain())}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<string> Describe(DurableTaskClient client, string id)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var history = await client.GetHistoryAsync(id);
        return $"{id}: {instance?.RuntimeStatus} {instance?.SerializedCustomStatus} {instance?.FailureDetails?.ErrorMessage} | "
            + string.Join(", ", history.TakeLast(12).Select(e => $"{e.EventType}:{e.Name}"));
    }
}
