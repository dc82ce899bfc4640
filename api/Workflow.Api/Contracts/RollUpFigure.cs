namespace Workflow.Api.Contracts;

/// <summary>One pre-filled figure: its form and field (the key a correction's reason goes under is "form.field"), label and value as shown.</summary>
public sealed record RollUpFigure(string Form, string Field, string Label, string Value);
