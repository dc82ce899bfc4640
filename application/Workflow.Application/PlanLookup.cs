namespace Workflow.Application;

/// <summary>What a cycle's plan says about one unit and one subject (deliverable or nomination round).</summary>
internal static class PlanLookup
{
    public static Unit Unit(Plan plan, string unitId) =>
        plan.Units.FirstOrDefault(u => u.Id == unitId) ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no unit '{unitId}'.");

    public static string SubjectTitle(Plan plan, string subject) =>
        plan.SubjectTitle(subject) ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no deliverable or round '{subject}'.");

    /// <summary>Everything a unit must hand in: the deliverables it is in scope of and the rounds it may propose in.</summary>
    public static IEnumerable<PlanSubject> Tasks(Plan plan, Unit unit) => plan.Subjects().Where(s => s.Scope.Includes(unit));

    public static Recipient[] Recipients(Unit unit) => [.. unit.Emails.Select(e => new Recipient(e, unit.Name))];
}
