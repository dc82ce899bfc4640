namespace Workflow.Benchmarks;

/// <summary>
/// The task hub's storage accounts: <c>WORKFLOW_HUB_STORAGE</c> for its queues and leases when set (./run bench starts
/// a second Azurite for it, as Azure keeps the host storage account apart from the data account), else the data account
/// itself; <c>WORKFLOW_TRACKING_STORAGE</c> for its History and Instances tables when set (a third Azurite), else the
/// hub's. Engine processes inherit the variables with the rest of the environment.
/// </summary>
internal static class HubStorage
{
    public const string Variable = "WORKFLOW_HUB_STORAGE";

    public const string TrackingVariable = "WORKFLOW_TRACKING_STORAGE";

    public static string Or(string data) => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } hub ? hub : data;

    /// <summary>The tracking store's own account, or null when it shares the hub's.</summary>
    public static string? Tracking => Environment.GetEnvironmentVariable(TrackingVariable) is { Length: > 0 } tracking ? tracking : null;

    /// <summary>Where the History table is.</summary>
    public static string TrackingOr(string data) => Tracking ?? Or(data);

    /// <summary>Every account a run writes to, each once.</summary>
    public static IEnumerable<string> All(string data) => new[] { data, Or(data), TrackingOr(data) }.Distinct(StringComparer.Ordinal);
}
