namespace Workflow.Api.Contracts;

/// <summary>
/// Reports of one block: a pending row past its cutoff counts as missing, before it as pending; an optional one past
/// its cutoff counts as not required (<see cref="NotRequired"/>), never as missing.
/// </summary>
public sealed record BlockProgress(string Id, string Name, int Expected, int OnTime, int Late, int Missing, int Pending, int NotRequired = 0);
