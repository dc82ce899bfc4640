using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Engine;

/// <summary>
/// DurableTask.Core's <see cref="TaskHubWorker"/> over one <see cref="AzureStorageOrchestrationService"/>, running the
/// registered SDK classes through <see cref="DurableTaskShimFactory"/>, behind <see cref="ActivitySessionGuard"/>.
/// Started and stopped with the host.
/// </summary>
public sealed partial class DurableEngine(
    AzureStorageOrchestrationService service,
    EngineTaskRegistry registry,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    IOptions<DurableEngineOptions> options) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DurableEngine>();
    private TaskHubWorker? _worker;

    /// <summary>True from a successful start until the stop; the host's health reports it.</summary>
    public bool IsRunning => Volatile.Read(ref _worker) is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        var orchestrations = new TaskObjectManager<TaskOrchestration>();
        foreach (var (name, create) in registry.Orchestrators)
        {
            orchestrations.Add(new ShimCreator<TaskOrchestration>(name.Name, () => shims.CreateOrchestration(name, create(services), parent: null)));
        }

        var activities = new TaskObjectManager<TaskActivity>();
        foreach (var (name, create) in registry.Activities)
        {
            activities.Add(new ShimCreator<TaskActivity>(name.Name, () => shims.CreateActivity(name, create(services))));
        }

        // Failure details, not serialized exceptions, cross from activities and children to orchestrators, as on Functions.
        _worker = new TaskHubWorker(new ActivitySessionGuard(service, _logger), orchestrations, activities, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        await _worker.StartAsync().ConfigureAwait(false);
        Log.Started(_logger, options.Value.TaskHubName, Environment.MachineName, registry.Orchestrators.Count, registry.Activities.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is { } worker)
        {
            _worker = null;
            // Graceful: in-flight work items finish and partition leases are released for the next host.
            await worker.StopAsync(isForced: false).ConfigureAwait(false);
            worker.Dispose();
            Log.Stopped(_logger, options.Value.TaskHubName);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Durable engine started on task hub {TaskHub} on {Machine}: {Orchestrators} orchestrators, {Activities} activities")]
        public static partial void Started(ILogger logger, string taskHub, string machine, int orchestrators, int activities);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Durable engine on task hub {TaskHub} stopped")]
        public static partial void Stopped(ILogger logger, string taskHub);
    }
}
