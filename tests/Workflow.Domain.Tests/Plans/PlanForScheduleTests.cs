using Workflow.Domain.Scheduling;
using Workflow.Domain.Serialization;

namespace Workflow.Domain.Tests.Plans;

/// <summary>The plan a cycle's orchestration carries: the same schedule, without what only activities read.</summary>
public sealed class PlanForScheduleTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.plan.json").Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void ForSchedule_KeepsEveryStepAndGroup_AndDropsNamesAndAddresses(string file)
    {
        var plan = PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file))).Plan!;
        var change = plan.Deliverables.FirstOrDefault() is { } first
            ? [new DeadlineChange(first.Id, first.Deadline, [plan.Units[0].Id])]
            : Array.Empty<DeadlineChange>();

        var slim = plan.ForSchedule();

        Assert.Equal(Describe(CycleSchedule.Steps(plan, change)), Describe(CycleSchedule.Steps(slim, change)));
        Assert.Equal(
            CycleSchedule.Groups(plan, change).Select(g => (g.Subject, g.Deadline, g.LatePolicy, string.Join(",", g.Units))),
            CycleSchedule.Groups(slim, change).Select(g => (g.Subject, g.Deadline, g.LatePolicy, string.Join(",", g.Units))));
        Assert.Equal(plan.Units.Select(u => (u.Id, u.Block, u.IsPolice)), slim.Units.Select(u => (u.Id, u.Block, u.IsPolice)));
        Assert.All(slim.Units, u => Assert.True(u.Name.Length == 0 && u.Emails.Count == 0 && u.Supervisor is null && u.ManagedBy is null));
        Assert.True(PlanJson.Write(slim).Length < PlanJson.Write(plan).Length);
    }

    private static IEnumerable<string> Describe(IReadOnlyList<ScheduleStep> steps) =>
        steps.SelectMany(s => s.Points.Select(p => $"{s.Instant:O} {p.Point} {string.Join(",", p.Group.Units)}"));
}
