namespace Workflow.Durable.Tests;

/// <summary>
/// Lets this assembly run as a separate runtime host process (<c>dotnet Workflow.Durable.Tests.dll host HUB</c>),
/// so a test can kill a real process with SIGKILL in the middle of its work.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["host", var hub])
        {
            await Console.Error.WriteLineAsync("usage: host <task hub name>   (WORKFLOW_STORAGE must be set)");
            return 2;
        }

        var connection = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")!;
        await using var runtime = await TestRuntime.StartAsync(connection, hub, r => r.AddCommon(), configure: ProcessKillTests.ShortLeases);
        await Console.Out.WriteLineAsync("ready");
        await Console.Out.FlushAsync();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
