namespace Workflow.Domain.Consolidation;

/// <summary>
/// A consolidated field: numbers are summed, yes/no fields count the units that said yes, percentages are
/// averaged over the units that reported them.
/// </summary>
public sealed record FieldTotal(string Form, string Field, string Label, string? Unit, FieldType Type, decimal Value);
