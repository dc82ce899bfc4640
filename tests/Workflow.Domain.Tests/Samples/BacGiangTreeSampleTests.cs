using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Domain.Tests.Samples;

/// <summary>
/// The Bắc Giang 2024 sample (seed 000) as a tree: the province's cycle reports from its 247 units; two district
/// committees carry their communes, wards and towns (GSO list of 01/05/2024) and a few district-level CQDNCSGD, to
/// whom they relay the cycle.
/// </summary>
public sealed class BacGiangTreeSampleTests
{
    private static readonly Plan Plan =
        PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;

    [Fact]
    public void The_cycles_own_units_are_the_top_level_ones_and_the_tree_holds_the_units_under_two_districts()
    {
        Assert.Equal(247, Plan.Units.Count);
        Assert.Equal(247 + 24 + 27, Plan.AllUnits().Count());
        Assert.Equal(["bcd-yen-the", "bcd-tan-yen"], Plan.Units.Where(u => u.IsRelay).Select(u => u.Id));
        Assert.All(Plan.Units.Where(u => u.IsRelay), u => Assert.Equal("district-committee", u.Block));
        Assert.All(Plan.Units.SelectMany(u => u.Units), u => Assert.Empty(u.Units));
        // Who the province's cycle asks for something: the 52 units of its own blocks, none of the units under a district.
        var reporting = Plan.Units.Where(u => Plan.Subjects().Any(s => s.Scope.Includes(u))).ToList();
        Assert.Equal(52, reporting.Count);
        Assert.DoesNotContain(Plan.AllUnits().Except(Plan.Units), u => Plan.Subjects().Any(s => s.Scope.Includes(u)));
        Assert.Equal(Plan.Units.Select(u => u.Id), Plan.ForSchedule().Units.Select(u => u.Id));
        Assert.All(Plan.ForSchedule().Units, u => Assert.Empty(u.Units));
    }

    [Fact]
    public void Yen_the_has_its_two_towns_and_seventeen_communes_and_five_district_cqdncsgd()
    {
        var yenThe = Plan.Units.Single(u => u.Id == "bcd-yen-the");
        var communes = yenThe.Units.Where(u => u.Block == "commune").Select(u => u.Name).ToList();

        Assert.Equal(19, communes.Count);
        Assert.Equal(2, communes.Count(n => n.StartsWith("Ban Chỉ đạo thị trấn ", StringComparison.Ordinal)));
        Assert.Contains("Ban Chỉ đạo thị trấn Phồn Xương", communes);
        Assert.Contains("Ban Chỉ đạo thị trấn Bố Hạ", communes);
        Assert.Contains("Ban Chỉ đạo xã Đồng Tiến", communes);
        Assert.Equal(5, yenThe.Units.Count(u => u.Block == "district-cqdncsgd"));
    }

    [Fact]
    public void Tan_yen_has_its_two_towns_and_twenty_communes_and_five_district_cqdncsgd()
    {
        var tanYen = Plan.Units.Single(u => u.Id == "bcd-tan-yen");
        var communes = tanYen.Units.Where(u => u.Block == "commune").Select(u => u.Name).ToList();

        Assert.Equal(22, communes.Count);
        Assert.Equal(["Ban Chỉ đạo thị trấn Cao Thượng", "Ban Chỉ đạo thị trấn Nhã Nam"], communes.Where(n => n.Contains("thị trấn", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(5, tanYen.Units.Count(u => u.Block == "district-cqdncsgd"));
    }

    [Fact]
    public void Every_unit_of_the_tree_has_an_example_address_and_a_lowercase_ascii_id()
    {
        Assert.All(Plan.AllUnits(), u =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", u.Id);
            Assert.NotEmpty(u.Emails);
            Assert.All(u.Emails, e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
        });
        Assert.Equal(Plan.AllUnits().Count(), Plan.AllUnits().Select(u => u.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_provincial_cqdncsgd_stay_units_of_the_province_managed_by_its_police_departments()
    {
        var provincial = Plan.Units.Where(u => u.Block == "provincial-cqdncsgd").ToList();

        Assert.Equal(195, provincial.Count);
        Assert.All(provincial, u => Assert.Contains(u.ManagedBy, new[] { "pa03", "pa04" }));
        Assert.All(Plan.AllUnits().Except(Plan.Units), u => Assert.Null(u.ManagedBy));
    }
}
