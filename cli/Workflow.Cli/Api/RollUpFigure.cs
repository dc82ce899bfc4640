namespace Workflow.Cli.Api;

/// <summary>One pre-filled figure of a roll-up; its key for --set and --reason is "form.field".</summary>
internal sealed record RollUpFigure(string Form, string Field, string Label, string Value);
