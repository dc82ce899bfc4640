namespace Workflow.Benchmarks;

/// <summary>
/// The task hub's storage account: <c>WORKFLOW_HUB_STORAGE</c> when set (./run bench starts a second Azurite for it, as
/// Azure keeps the host storage account apart from the data account), else the data account itself. Engine processes
/// inherit the variable with the rest of the environment.
/// </summary>
internal static class HubStorage
{
    public const string Variable = "WORKFLOW_HUB_STORAGE";

    public static string Or(string data) => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } hub ? hub : data;
}
