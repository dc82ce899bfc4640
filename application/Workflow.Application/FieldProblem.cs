namespace Workflow.Application;

/// <summary>A bad field of a submission: its name (e.g. "statistics.forms.bieu-01.so-vu") and what is wrong, in Vietnamese.</summary>
public sealed record FieldProblem(string Field, string Message);
