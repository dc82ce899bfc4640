namespace Workflow.Cli.Api;

/// <summary>
/// How a cycle is started as a rehearsal: <see cref="Mode"/> is "step" or a speed (e.g. "200000");
/// <see cref="From"/> is the business instant it starts at (null: the plan's issue day at 08:00).
/// </summary>
internal sealed record RehearsalStart(string Mode, DateTimeOffset? From);
