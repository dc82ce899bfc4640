namespace Workflow.Domain.Plans;

/// <summary>
/// The template files a plan's forms declare (<see cref="StatisticalForm.Templates"/>): only these names can be attached
/// to a cycle, and a unit may download only those of the forms it fills.
/// </summary>
public static class PlanTemplates
{
    /// <summary>Every declared template, in plan order.</summary>
    public static IReadOnlyList<DeclaredTemplate> Declared(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.AllDeliverables().SelectMany(d => d.Forms.SelectMany(f => f.Templates.Select(t => new DeclaredTemplate(d, f, t))))];
    }

    /// <summary>The templates of the forms the unit fills: forms in its scope, of deliverables it hands in.</summary>
    public static IReadOnlyList<DeclaredTemplate> For(Plan plan, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(unit);
        return [.. plan.AllDeliverables().Where(d => d.AppliesTo.Includes(unit))
            .SelectMany(d => d.FormsFor(unit).SelectMany(f => f.Templates.Select(t => new DeclaredTemplate(d, f, t))))];
    }

    /// <summary>True when some form of the plan declares a template of this exact name.</summary>
    public static bool IsDeclared(Plan plan, string? fileName) =>
        fileName is not null && Declared(plan).Any(t => string.Equals(t.Template.File, fileName, StringComparison.Ordinal));
}
