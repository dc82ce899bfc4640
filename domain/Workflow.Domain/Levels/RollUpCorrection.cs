namespace Workflow.Domain.Levels;

/// <summary>One figure a relay changed from what its units' reports summed to, and why (shown as text, as the form reads it).</summary>
public sealed record RollUpCorrection(string Form, string Field, string Label, string Prefilled, string Value, string Reason);
