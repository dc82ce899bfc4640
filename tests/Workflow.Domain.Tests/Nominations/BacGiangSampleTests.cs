using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;

namespace Workflow.Domain.Tests.Nominations;

public sealed class BacGiangSampleTests
{
    [Fact]
    public void Sample_Loads_WithTheTenDistrictsAndTheNamedBodies()
    {
        var plan = BacGiangSample.Plan;

        Assert.Equal(10, BacGiangSample.Block("district-committee").Count());
        Assert.All(BacGiangSample.Block("district-committee"), u => Assert.NotNull(u.Supervisor));
        Assert.Equal(4, BacGiangSample.Block("provincial-body").Count());
        Assert.InRange(BacGiangSample.Block("provincial-cqdncsgd").Count(), 150, 250);
        Assert.All(plan.Units.SelectMany(u => u.Emails), e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
        Assert.All(BacGiangSample.Block("police-department"), u => Assert.True(u.IsPolice));
    }

    [Fact]
    public void Sample_Deadlines_ReadAsTheDocumentWordsThem()
    {
        var plan = BacGiangSample.Plan;
        var report = plan.Deliverables.Single(d => d.Id == "bao-cao-tong-ket");
        var district = plan.Deliverables.Single(d => d.Id == "tong-ket-cap-huyen");
        var director = BacGiangSample.Round(BacGiangSample.DirectorRound);

        Assert.Equal(Deadline.Before(new DateOnly(2024, 5, 1)), report.Deadline);
        Assert.Equal(LatePolicy.AcceptAndMarkLate, report.LatePolicy);
        Assert.Equal(Deadline.WithinMonth(2024, 5), district.Deadline);
        Assert.Equal(Deadline.Before(new DateOnly(2024, 4, 1)), director.Deadline);
        Assert.Equal(LatePolicy.Reject, director.LatePolicy);
        Assert.Equal(["I", "II", "III", "IV", "V"], report.Outline.Select(s => s.Number));
        Assert.Equal(9, report.Outline.Single(s => s.Number == "III").Sections.Count);
    }

    [Fact]
    public void Sample_HigherLevels_ArePickedFromThePoliceDirectorRound_WithTheirCopyCounts()
    {
        var chair = BacGiangSample.Round(BacGiangSample.ChairRound);
        var minister = BacGiangSample.Round(BacGiangSample.MinisterRound);

        Assert.Equal(BacGiangSample.DirectorRound, chair.PickedFrom);
        Assert.Equal(BacGiangSample.DirectorRound, minister.PickedFrom);
        Assert.Equal(2, BacGiangSample.Round(BacGiangSample.DirectorRound).Dossier!.Copies);
        Assert.Equal(3, chair.Dossier!.Copies);
        Assert.Equal(4, minister.Dossier!.Copies);
        // "Số lượng theo hướng dẫn của Bộ Công an": the numbers come later, so the rule waits for them.
        var pending = Assert.Single(minister.Quotas);
        Assert.True(pending.Pending);
        Assert.False(pending.HasLimits);
    }
}
