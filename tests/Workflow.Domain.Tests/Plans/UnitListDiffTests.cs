using Workflow.Domain.Plans;

namespace Workflow.Domain.Tests.Plans;

/// <summary>A re-imported unit list shows what it adds, removes and changes before the plan takes it.</summary>
public sealed class UnitListDiffTests
{
    private static Unit U(string id, string name, string block = "district-committee", params Unit[] units) =>
        new() { Id = id, Name = name, Block = block, Emails = [$"{id}@bacgiang.example"], Units = units };

    [Fact]
    public void The_same_list_has_no_differences()
    {
        var plan = PlanBuilder.Minimal();

        var diff = UnitListDiff.Between(plan.Units, plan.Units);

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Added_removed_and_changed_units_are_told_apart_with_the_fields_that_changed()
    {
        Unit[] current = [U("a", "Đơn vị A"), U("b", "Đơn vị B", "district-committee", U("b1", "Xã B1", "commune")), U("c", "Đơn vị C")];
        Unit[] imported =
        [
            U("a", "Đơn vị A") with { Emails = ["moi@a.bacgiang.example"], IsPolice = true },
            U("b", "Đơn vị B (mới)", "district-committee"),
            U("c", "Đơn vị C", "district-committee", U("b1", "Xã B1", "commune"), U("c1", "Xã C1", "commune")),
        ];

        var diff = UnitListDiff.Between(current, imported);

        Assert.Equal(["c1"], diff.Added.Select(u => u.Id));
        Assert.Empty(diff.Removed);
        Assert.Equal(
            ["a: emails, isPolice", "b1: parent", "b: name"],
            diff.Changed.Select(c => $"{c.Id}: {string.Join(", ", c.Fields)}").Order(StringComparer.Ordinal));
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void A_removed_relay_is_listed_with_the_units_under_it_each_on_its_own()
    {
        Unit[] current = [U("a", "Đơn vị A"), U("b", "Đơn vị B", "district-committee", U("b1", "Xã B1", "commune"))];

        var diff = UnitListDiff.Between(current, [U("a", "Đơn vị A")]);

        Assert.Equal(["b", "b1"], diff.Removed.Select(u => u.Id));
        Assert.All(diff.Removed, u => Assert.Empty(u.Units));
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void Block_supervisor_and_manager_changes_are_named()
    {
        Unit[] current = [U("a", "A"), U("p", "Phòng PA", "police-department")];
        Unit[] imported = [U("a", "A", "commune") with { Supervisor = "tv-01", ManagedBy = "p" }, U("p", "Phòng PA", "police-department")];

        var change = Assert.Single(UnitListDiff.Between(current, imported).Changed);

        Assert.Equal("a", change.Id);
        Assert.Equal(["block", "supervisor", "managedBy"], change.Fields);
    }

    [Fact]
    public void Apply_puts_the_imported_units_in_the_plan_and_keeps_the_rest()
    {
        var plan = PlanBuilder.Minimal();
        Unit[] imported = [.. plan.Units, U("bcd-viet-yen", "Ban Chỉ đạo thị xã Việt Yên")];

        var applied = UnitListDiff.Apply(plan, imported);

        Assert.Equal(3, applied.Units.Count);
        Assert.Equal(plan.Deliverables, applied.Deliverables);
        Assert.Equal(plan.Id, applied.Id);
        Assert.Empty(Workflow.Domain.Validation.PlanValidator.Validate(applied with { Units = [.. applied.Units.Select(u => u with { Supervisor = null })] }));
    }
}
