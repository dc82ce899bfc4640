using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Application;

/// <summary>
/// One of <see cref="CycleActivities"/>' methods as an SDK activity class, so the local engine runs it through the SDK's
/// shim exactly as Durable Functions runs the same method behind its trigger.
/// </summary>
public sealed class CycleActivity<TInput, TOutput>(IServiceProvider services, Func<CycleActivities, TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) =>
        run(services.GetRequiredService<CycleActivities>(), input);
}
