using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;

namespace Workflow.Domain.Tests.Consolidation;

public sealed class OptionalDeliverableTests
{
    [Fact]
    public void A_unit_that_does_not_hand_in_an_optional_deliverable_is_not_required_never_missing()
    {
        var plan = PlanBuilder.Minimal();
        var optional = plan with { Deliverables = [plan.Deliverables[0] with { Optional = true }] };
        var reports = new[]
        {
            new UnitReport("bcd-yen-the", ReportState.OnTime, DateTimeOffset.Parse("2024-04-20T03:00:00Z"), null),
            // The status row says missing (nothing handed in by the cutoff); the plan says it was never required.
            new UnitReport("bcd-tan-yen", ReportState.Missing, null, null),
        };

        var consolidation = Consolidator.Consolidate(optional, "bao-cao", reports);

        Assert.Empty(consolidation.MissingUnits);
        Assert.Equal(["bcd-tan-yen"], consolidation.NotRequiredUnits);
        Assert.Equal((2, 1, 0, 1), (consolidation.Province.Expected, consolidation.Province.OnTime, consolidation.Province.Missing, consolidation.Province.NotRequired));
        var block = Assert.Single(consolidation.Blocks);
        Assert.Equal((0, 1), (block.Missing, block.NotRequired));
    }

    [Fact]
    public void A_required_deliverable_still_counts_the_unit_missing()
    {
        var plan = PlanBuilder.Minimal();

        var consolidation = Consolidator.Consolidate(plan, "bao-cao", [new UnitReport("bcd-yen-the", ReportState.OnTime, null, null)]);

        Assert.Equal(["bcd-tan-yen"], consolidation.MissingUnits);
        Assert.Empty(consolidation.NotRequiredUnits);
        Assert.Equal((1, 0), (consolidation.Province.Missing, consolidation.Province.NotRequired));
    }
}
