namespace Workflow.Cli.Api;

internal sealed record BlockProgress(string Id, string Name, int Expected, int OnTime, int Late, int Missing, int Pending, int NotRequired = 0);
