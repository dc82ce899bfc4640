using Workflow.Domain.Serialization;

namespace Workflow.Domain.Tests.Plans;

public sealed class PlanSubjectsTests
{
    [Fact]
    public void Subjects_AreTheDeliverablesThenTheRoundsUnitsProposeIn_NotTheLevelsTheProvincePicks()
    {
        var plan = PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;

        var subjects = plan.Subjects().ToList();

        Assert.Equal(["bao-cao-tong-ket", "tong-ket-cap-huyen", "giay-khen-giam-doc"], subjects.Select(s => s.Id));
        Assert.Equal([false, false, true], subjects.Select(s => s.IsNominationRound));
        Assert.Equal(plan.NominationRounds.Single(r => r.Id == "giay-khen-giam-doc").Proposers, subjects[2].Scope);
        Assert.Equal("Bằng khen của Chủ tịch UBND tỉnh", plan.SubjectTitle("bang-khen-chu-tich-tinh"));
        Assert.Null(plan.SubjectTitle("khong-co"));
    }

    [Fact]
    public void ClosesAt_IsMidnightAfterTheLastDay_InVietnamTime()
    {
        var plan = PlanBuilder.Minimal();

        Assert.Equal(new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.FromHours(7)), plan.ClosesAt());
    }
}
