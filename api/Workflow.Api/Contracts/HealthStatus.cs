namespace Workflow.Api.Contracts;

/// <summary>The host and what it depends on: "ok" (200) only when storage, the engine and mail are all up, otherwise "unavailable" (503).</summary>
public sealed record HealthStatus(string Status, DateTimeOffset Time, ComponentHealth Storage, ComponentHealth Engine, ComponentHealth Mail);
