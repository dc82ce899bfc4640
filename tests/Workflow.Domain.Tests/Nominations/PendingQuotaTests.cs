using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Nominations;

public sealed class PendingQuotaTests
{
    private static Plan WithRound(QuotaRule quota) => PlanBuilder.Minimal() with
    {
        NominationRounds =
        [
            new NominationRound
            {
                Id = "bang-khen-bo",
                AwardLevel = AwardLevel.MinisterCertificate,
                Title = "Bằng khen của Bộ trưởng Bộ Công an",
                Proposers = new UnitScope { Blocks = ["district-committee"] },
                Deadline = Deadline.Before(new DateOnly(2024, 5, 20)),
                Quotas = [quota],
            },
        ],
    };

    private static readonly QuotaRule Pending = new() { Id = "chi-tieu-bo", Description = "Số lượng theo chỉ tiêu Bộ Công an giao", Pending = true };

    [Fact]
    public void A_pending_rule_without_numbers_is_valid_and_blocks_the_round_until_set()
    {
        var plan = WithRound(Pending);

        Assert.Empty(PlanValidator.Validate(plan));
        Assert.Single(plan.NominationRounds[0].PendingQuotas);

        var set = plan.WithQuotaNumbers("bang-khen-bo", "chi-tieu-bo", new QuotaNumbers { Max = 1 });
        var rule = Assert.Single(set.NominationRounds[0].Quotas);
        Assert.False(rule.Pending);
        Assert.Equal(1, rule.Max);
        Assert.Empty(set.NominationRounds[0].PendingQuotas);
        Assert.Empty(PlanValidator.Validate(set));
    }

    [Fact]
    public void Numbers_are_checked_before_they_are_set()
    {
        Assert.Equal(["max"], new QuotaNumbers().Problems().Select(p => p.Field));
        Assert.Equal(["maxIndividual", "minPolice"], new QuotaNumbers { MaxIndividual = -1, MinPolice = 2, MaxPolice = 1 }.Problems().Select(p => p.Field));
    }

    [Fact]
    public void A_rule_is_either_pending_or_has_numbers()
    {
        var both = Assert.Single(PlanValidator.Validate(WithRound(Pending with { Max = 2 })));
        Assert.Equal("$.nominationRounds[0].quotas[0].pending", both.Path);

        var neither = Assert.Single(PlanValidator.Validate(WithRound(Pending with { Pending = false })));
        Assert.Equal("$.nominationRounds[0].quotas[0]", neither.Path);
        Assert.Contains("\"pending\": true", neither.Message, StringComparison.Ordinal);
    }
}
