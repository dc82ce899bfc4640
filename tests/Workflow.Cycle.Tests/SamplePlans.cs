using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Cycle.Tests;

internal static class SamplePlans
{
    public static Plan Load(string name) =>
        PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name))).Plan
        ?? throw new InvalidOperationException($"Sample {name} does not read.");
}
