namespace Workflow.Api.Contracts;

public enum ComponentState
{
    Up,
    Down,
}
