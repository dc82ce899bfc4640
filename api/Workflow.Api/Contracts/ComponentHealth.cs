namespace Workflow.Api.Contracts;

/// <summary>One dependency's state, with what went wrong (in Vietnamese) when it is down.</summary>
public sealed record ComponentHealth(ComponentState State, string? Detail);
