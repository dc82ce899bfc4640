namespace Workflow.Benchmarks.Reference;

/// <summary>N activities one after another in one instance.</summary>
internal sealed class SequenceOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var value = 0;
        for (var i = 0; i < input; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(EchoActivity), value);
        }

        return value;
    }
}
