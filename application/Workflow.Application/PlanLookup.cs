namespace Workflow.Application;

/// <summary>What a cycle's plan says about one unit and one subject (deliverable or nomination round).</summary>
internal static class PlanLookup
{
    /// <summary>Units by id, built once per plan: a national wave looks up 100,000 units, so a scan per lookup is quadratic.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plan, Dictionary<string, Unit>> UnitsById = [];

    public static Unit Unit(Plan plan, string unitId) =>
        FindUnit(plan, unitId) ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no unit '{unitId}'.");

    public static Unit? FindUnit(Plan plan, string unitId) =>
        UnitsById.GetValue(plan, p => p.Units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).GetValueOrDefault(unitId);

    public static string SubjectTitle(Plan plan, string subject) =>
        plan.SubjectTitle(subject) ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no deliverable or round '{subject}'.");

    /// <summary>Everything a unit must hand in: the deliverables it is in scope of and the rounds it may propose in.</summary>
    public static IEnumerable<PlanSubject> Tasks(Plan plan, Unit unit) => plan.Subjects().Where(s => s.Scope.Includes(unit));

    public static Recipient[] Recipients(Unit unit) => [.. unit.Emails.Select(e => new Recipient(e, unit.Name))];
}
