namespace Workflow.Domain.Reports;

/// <summary>A reported value that does not fit the plan's form: the field path ("forms.bieu-01.so-vu-chay") and why, in Vietnamese.</summary>
public sealed record StatisticsError(string Field, string Message);
