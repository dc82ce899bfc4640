using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Engine;

/// <summary>
/// The orchestrators and activities the local engine runs, by the names orchestrations call (<c>nameof</c>).
/// Each is created through DI per execution, as Durable Functions creates its class-based tasks.
/// </summary>
public sealed class EngineTaskRegistry
{
    internal Dictionary<TaskName, Func<IServiceProvider, ITaskOrchestrator>> Orchestrators { get; } = [];

    internal Dictionary<TaskName, Func<IServiceProvider, ITaskActivity>> Activities { get; } = [];

    public IEnumerable<TaskName> OrchestratorNames => Orchestrators.Keys;

    public IEnumerable<TaskName> ActivityNames => Activities.Keys;

    /// <summary>Registers <typeparamref name="TOrchestrator"/> under its class name.</summary>
    public EngineTaskRegistry AddOrchestrator<TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator
        => AddOrchestrator(typeof(TOrchestrator).Name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TOrchestrator>(sp));

    public EngineTaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!Orchestrators.TryAdd(name, factory))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers <typeparamref name="TActivity"/> under its class name.</summary>
    public EngineTaskRegistry AddActivity<TActivity>()
        where TActivity : class, ITaskActivity
        => AddActivity(typeof(TActivity).Name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(sp));

    public EngineTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!Activities.TryAdd(name, factory))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }
}
