using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Durable;

/// <summary>The orchestrators and activities a worker can run, by name.</summary>
public sealed class DurableTaskRegistry
{
    internal Dictionary<TaskName, Func<IServiceProvider, ITaskOrchestrator>> Orchestrators { get; } = [];

    internal Dictionary<TaskName, Func<IServiceProvider, ITaskActivity>> Activities { get; } = [];

    /// <summary>Registers <typeparamref name="TOrchestrator"/> under its class name, created through DI.</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator
        => AddOrchestrator(typeof(TOrchestrator).Name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TOrchestrator>(sp));

    public DurableTaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!Orchestrators.TryAdd(name, factory))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var orchestrator = new FuncTaskOrchestrator<TInput, TOutput>(implementation);
        return AddOrchestrator(name, _ => orchestrator);
    }

    /// <summary>Registers <typeparamref name="TActivity"/> under its class name, created through DI per call.</summary>
    public DurableTaskRegistry AddActivity<TActivity>()
        where TActivity : class, ITaskActivity
        => AddActivity(typeof(TActivity).Name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(sp));

    public DurableTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!Activities.TryAdd(name, factory))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var activity = new FuncTaskActivity<TInput, TOutput>(implementation);
        return AddActivity(name, _ => activity);
    }

    /// <summary>
    /// Registers a method of an activity class that groups activities sharing dependencies
    /// (e.g. <c>CycleActivities(IDossierStore, IMailer)</c>); the class is created through DI per call.
    /// </summary>
    public DurableTaskRegistry AddActivityFunc<TService, TInput, TOutput>(TaskName name, Func<TService, TaskActivityContext, TInput, Task<TOutput>> implementation)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddActivity(name, sp =>
        {
            var service = ActivatorUtilities.GetServiceOrCreateInstance<TService>(sp);
            return new FuncTaskActivity<TInput, TOutput>((context, input) => implementation(service, context, input));
        });
    }
}
