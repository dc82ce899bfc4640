namespace Workflow.Api.Contracts;

/// <summary>
/// What the dashboard says about a rehearsal (diễn tập): how its clock runs, what time it is in the cycle, and how
/// precise its instants are at that speed (the engine's timers are about a second late on the wall clock).
/// </summary>
public sealed record RehearsalInfo(string Mode, double Speed, DateTimeOffset Now, string NowText, string Precision);
