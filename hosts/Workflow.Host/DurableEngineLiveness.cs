using Workflow.Api.Health;
using Workflow.Engine;

namespace Workflow.Host;

/// <summary>The local engine's worker state, for the health endpoint.</summary>
internal sealed class DurableEngineLiveness(DurableEngine engine) : IEngineLiveness
{
    public bool IsRunning => engine.IsRunning;
}
