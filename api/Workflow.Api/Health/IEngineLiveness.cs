namespace Workflow.Api.Health;

/// <summary>Whether the host's own engine worker is running; a host without one (Azure Functions) registers none.</summary>
public interface IEngineLiveness
{
    bool IsRunning { get; }
}
