namespace Workflow.Domain.Plans;

/// <summary>
/// A statistical form (biểu mẫu) of a deliverable. Its fields are filled in on the unit page (or sent with the report)
/// and summed by the province. A form with no fields is a file-only form: the unit fills its attached template and
/// returns the file with its report.
/// </summary>
public sealed record StatisticalForm
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>The units that fill this form, when only some of the deliverable's units do (e.g. only communes).</summary>
    public UnitScope? AppliesTo { get; init; }

    /// <summary>Template files attached to the plan for this form.</summary>
    public IReadOnlyList<FormTemplate> Templates { get; init; } = [];

    /// <summary>A form returned as a filled file rather than as values.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFileOnly => Fields.Count == 0;

    /// <summary>True when the unit must fill this form: it is in the form's scope, or the form has none.</summary>
    public bool Includes(Unit unit) => AppliesTo?.Includes(unit) ?? true;
}
