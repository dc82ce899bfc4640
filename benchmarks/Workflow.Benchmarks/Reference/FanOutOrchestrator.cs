namespace Workflow.Benchmarks.Reference;

/// <summary>N activities at once, then their results.</summary>
internal sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(EchoActivity), i)));
        return results.Length;
    }
}
