namespace Workflow.Application;

/// <summary>What a cycle's plan says about one unit and one subject (deliverable or nomination round).</summary>
internal static class PlanLookup
{
    public static Unit Unit(Plan plan, string unitId) =>
        plan.Units.FirstOrDefault(u => u.Id == unitId) ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no unit '{unitId}'.");

    public static string SubjectTitle(Plan plan, string subject) =>
        plan.AllDeliverables().FirstOrDefault(d => d.Id == subject)?.Title
        ?? plan.NominationRounds.FirstOrDefault(r => r.Id == subject)?.Title
        ?? throw new InvalidOperationException($"Plan '{plan.Id}' has no deliverable or round '{subject}'.");

    /// <summary>Everything a unit must hand in: the deliverables it is in scope of and the rounds it may propose in.</summary>
    public static IEnumerable<(string Id, string Title, Deadline Deadline, LatePolicy LatePolicy)> Tasks(Plan plan, Unit unit) =>
        plan.Deliverables.Where(d => d.AppliesTo.Includes(unit)).Select(d => (d.Id, d.Title, d.Deadline, d.LatePolicy))
            .Concat(plan.NominationRounds.Where(r => r.PickedFrom is null && r.Deadline is not null && r.Proposers.Includes(unit))
                .Select(r => (r.Id, r.Title, r.Deadline!, r.LatePolicy)));

    public static Recipient[] Recipients(Unit unit) => [.. unit.Emails.Select(e => new Recipient(e, unit.Name))];
}
