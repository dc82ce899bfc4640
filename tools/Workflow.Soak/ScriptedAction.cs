namespace Workflow.Soak;

/// <summary>Something that happens at a moment of the cycle's business time; <see cref="Seed"/> fixes a report's values.</summary>
internal sealed record ScriptedAction(DateTimeOffset At, ActionKind Kind, string Unit = "", string Subject = "", int Seed = 0, string Note = "");
