namespace Workflow.Benchmarks.Reference;

/// <summary>The smallest activity: what remains is the engine's own cost per step.</summary>
internal sealed class EchoActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}
