using System.Reflection;
using System.Security.Cryptography;
using Azure;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Engine;

namespace Workflow.Cycle.Tests;

/// <summary>
/// The storage outage the soak found, replayed on Azurite: while an activity runs, its lock renewals fail, so the
/// message becomes visible, is delivered again (and dropped as "processed multiple times concurrently"), and gets a
/// new pop receipt. Then the completion fails, and the abandon fails on the stale receipt. Without
/// <see cref="ActivitySessionGuard"/> that message is dropped on every later delivery and the orchestration never
/// finishes (DurableTask.AzureStorage 2.11.2, Azure/durabletask#1173); with it, the activity runs again and the
/// orchestration completes.
/// </summary>
public sealed class ActivitySessionGuardTests
{
    private static readonly string ConnectionString = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    [Fact]
    public async Task ActivityWhoseCompletionAndAbandonFail_RunsAgain_AndItsOrchestrationCompletes()
    {
        var settings = EngineServiceCollectionExtensions.Settings(
            new DurableEngineOptions
            {
                ConnectionString = ConnectionString,
                TaskHubName = "g" + RandomNumberGenerator.GetHexString(12, lowercase: true),
                PartitionCount = 1,
                WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(2),
            },
            NullLoggerFactory.Instance);
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        var guard = new ActivitySessionGuard(service, NullLogger.Instance);
        var activity = new SlowOnce(TimeSpan.FromSeconds(6));
        var worker = new TaskHubWorker(Outage.Around(guard), NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(CallsSlowOnce));
        worker.AddTaskActivities(activity);
        await worker.StartAsync();
        try
        {
            var client = new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance);
            var instance = await client.CreateOrchestrationInstanceAsync(typeof(CallsSlowOnce), "hồ sơ");
            var state = await client.WaitForOrchestrationAsync(instance, TimeSpan.FromSeconds(90));

            Assert.Equal(OrchestrationStatus.Completed, state?.OrchestrationStatus);
            Assert.Equal("\"đã xử lý hồ sơ\"", state!.Output);
            Assert.Equal(2, activity.Runs);
            Assert.Equal(0, guard.ActiveActivitySessions);
        }
        finally
        {
            await worker.StopAsync(isForced: true);
            await service.DeleteAsync();
        }
    }

    private sealed class CallsSlowOnce : TaskOrchestration<string, string>
    {
        public override Task<string> RunTask(OrchestrationContext context, string input) =>
            context.ScheduleTask<string>(typeof(SlowOnce), input);
    }

    /// <summary>The first run outlasts the message's visibility; the runs after it are quick.</summary>
    private sealed class SlowOnce(TimeSpan firstRun) : AsyncTaskActivity<string, string>
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        protected override async Task<string> ExecuteAsync(TaskContext context, string input)
        {
            if (Interlocked.Increment(ref _runs) == 1)
            {
                await Task.Delay(firstRun);
            }

            return $"đã xử lý {input}";
        }
    }

    /// <summary>Between the worker and the guard: renewals do nothing, and the first activity completion fails.</summary>
    public class Outage : DispatchProxy
    {
        private IOrchestrationService _inner = null!;
        private int _completions;

        public static IOrchestrationService Around(IOrchestrationService inner)
        {
            var proxy = Create<IOrchestrationService, Outage>();
            ((Outage)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            return targetMethod.Name switch
            {
                nameof(IOrchestrationService.RenewTaskActivityWorkItemLockAsync) => Task.FromResult((TaskActivityWorkItem)args![0]!),
                nameof(IOrchestrationService.CompleteTaskActivityWorkItemAsync) when Interlocked.Increment(ref _completions) == 1 =>
                    Task.FromException(new RequestFailedException(503, "Azurite is stopped.")),
                _ => targetMethod.Invoke(_inner, args),
            };
        }
    }
}
