using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;

namespace Workflow.Domain.Tests.Nominations;

public sealed class QuotaNumbersTests
{
    [Fact]
    public void Numbers_are_described_as_an_operator_reads_them()
    {
        Assert.Equal("tổng số tối đa 3; cá nhân tối đa 2; thuộc lực lượng Công an ít nhất 1",
            new QuotaNumbers { Max = 3, MaxIndividual = 2, MinPolice = 1 }.Describe());
        Assert.Equal("chưa có số lượng", new QuotaNumbers().Describe());
    }

    [Fact]
    public void Setting_one_of_two_pending_rules_leaves_the_round_waiting_for_the_other()
    {
        QuotaRule Pending(string id) => new() { Id = id, Description = $"Chỉ tiêu {id}", Pending = true };
        var plan = PlanBuilder.Minimal() with
        {
            NominationRounds =
            [
                new NominationRound
                {
                    Id = "giay-khen",
                    AwardLevel = AwardLevel.PoliceDirectorCertificate,
                    Title = "Giấy khen",
                    Proposers = new UnitScope { Blocks = ["district-committee"] },
                    Deadline = Deadline.Before(new DateOnly(2024, 4, 1)),
                    Quotas = [Pending("tap-the"), Pending("ca-nhan")],
                },
            ],
        };

        var once = plan.WithQuotaNumbers("giay-khen", "tap-the", new QuotaNumbers { MaxCollective = 1 });

        Assert.Equal(["ca-nhan"], once.NominationRounds[0].PendingQuotas.Select(q => q.Id));
        Assert.Empty(once.WithQuotaNumbers("giay-khen", "ca-nhan", new QuotaNumbers { MaxIndividual = 2 }).NominationRounds[0].PendingQuotas);
        // Unknown ids change nothing.
        Assert.Equal(once.NominationRounds[0].Quotas, once.WithQuotaNumbers("giay-khen", "khong-co", new QuotaNumbers { Max = 1 }).NominationRounds[0].Quotas);
    }

    [Fact]
    public void A_round_dated_by_an_operator_becomes_a_subject_with_its_proposers_and_optional_flag()
    {
        var plan = PlanBuilder.Minimal() with
        {
            NominationRounds =
            [
                new NominationRound
                {
                    Id = "bo-sung",
                    AwardLevel = AwardLevel.PoliceDirectorCertificate,
                    Title = "Đợt bổ sung",
                    Proposers = new UnitScope { Blocks = ["district-committee"] },
                    Optional = true,
                },
            ],
        };
        var deadline = Deadline.Before(new DateOnly(2024, 6, 1));

        Assert.DoesNotContain(plan.Subjects(), s => s.Id == "bo-sung");
        var viaChange = Assert.Single(CycleSchedule.Subjects(plan, [new DeadlineChange("bo-sung", deadline, [])]), s => s.Id == "bo-sung");
        var viaPlan = Assert.Single(plan.WithRoundDeadline("bo-sung", deadline).Subjects(), s => s.Id == "bo-sung");
        Assert.Equal(viaPlan, viaChange);
        Assert.True(viaPlan.Optional);
        Assert.True(viaPlan.IsNominationRound);
        Assert.Empty(plan.WithRoundDeadline("bo-sung", deadline).UndatedRounds());
    }
}
