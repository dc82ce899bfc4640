using Workflow.Domain.Consolidation;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;

namespace Workflow.Domain.Tests.Consolidation;

public sealed class RoundEvaluatorTests
{
    private static readonly Scale Titles = new()
    {
        Id = "danh-hieu-ca-nhan",
        Name = "Danh hiệu cá nhân",
        Levels = [new ScaleLevel("khong", "Không đạt"), new ScaleLevel("chien-sy-tien-tien", "Chiến sỹ tiên tiến")],
    };

    private static Plan Plan() => PlanBuilder.Minimal() with
    {
        Scales = [Titles],
        NominationRounds =
        [
            new NominationRound
            {
                Id = "giay-khen",
                AwardLevel = AwardLevel.PoliceDirectorCertificate,
                Title = "Giấy khen của Giám đốc Công an tỉnh",
                Proposers = new UnitScope { Blocks = ["district-committee"] },
                Deadline = Deadline.Before(new DateOnly(2024, 4, 1)),
                Quotas = [new QuotaRule { Id = "huyen", Description = "Mỗi huyện 01 tập thể, 02 cá nhân, trong đó 01 thuộc Công an", Per = QuotaGrouping.Proposer, MaxCollective = 1, MaxIndividual = 2, MinPolice = 1, MaxPolice = 1 }],
                Eligibility =
                [
                    new EligibilityProfile
                    {
                        Id = "ca-nhan",
                        Name = "Cá nhân",
                        NomineeKind = NomineeKind.Individual,
                        Rules = [new YearlyLevelRule { Id = "5-nam", Description = "05 năm liên tục Chiến sỹ tiên tiến", Scale = Titles.Id, FromYear = 2019, ToYear = 2023, Minimum = "chien-sy-tien-tien" }],
                    },
                ],
                Dossier = new DossierRequirement { Copies = 2, Documents = [new DossierDocument { Id = "mau-08", Title = "Báo cáo thành tích (Mẫu 08)" }] },
            },
        ],
    };

    private static NominationDossier Proposal(string id, bool eligible = true, bool police = false, bool complete = true)
    {
        var years = Enumerable.Range(2019, 5).ToDictionary(y => y, y => eligible || y != 2021 ? "chien-sy-tien-tien" : "khong");
        var nomination = new Nomination
        {
            Id = id,
            Round = "giay-khen",
            ProposedBy = "bcd-yen-the",
            NomineeUnit = "bcd-yen-the",
            Kind = NomineeKind.Individual,
            Name = $"Cá nhân {id}",
            IsPolice = police,
            Profile = "ca-nhan",
            Record = new NomineeRecord { Yearly = new Dictionary<string, IReadOnlyDictionary<int, string>> { [Titles.Id] = years } },
        };
        return new NominationDossier(nomination, complete ? [new SubmittedDocument("mau-08")] : []);
    }

    [Fact]
    public void SurplusProposal_IsRefusedNamingTheQuota_EarlierOnesStand()
    {
        var outcome = RoundEvaluator.Evaluate(Plan(), "giay-khen", [Proposal("a", police: true), Proposal("b"), Proposal("c")]);

        Assert.Equal([true, true, false], outcome.Nominees.Select(n => n.Accepted));
        Assert.Contains(outcome.Nominees[2].Reasons, r => r.Contains("Vượt chỉ tiêu", StringComparison.Ordinal) && r.Contains("02 cá nhân", StringComparison.Ordinal));
        Assert.Empty(outcome.Shortfalls);
    }

    [Fact]
    public void IneligibleOrIncompleteNominee_IsRefused_AndDoesNotUseTheQuota()
    {
        var outcome = RoundEvaluator.Evaluate(Plan(), "giay-khen", [Proposal("a", eligible: false), Proposal("b", complete: false), Proposal("c", police: true), Proposal("d")]);

        Assert.Equal([false, false, true, true], outcome.Nominees.Select(n => n.Accepted));
        Assert.Contains(outcome.Nominees[0].Reasons, r => r.Contains("05 năm liên tục", StringComparison.Ordinal) && r.Contains("2021", StringComparison.Ordinal));
        Assert.Contains(outcome.Nominees[1].Reasons, r => r.Contains("Mẫu 08", StringComparison.Ordinal));
    }

    [Fact]
    public void AcceptedSetWithoutAPoliceNominee_IsReportedAsAShortfall()
    {
        var outcome = RoundEvaluator.Evaluate(Plan(), "giay-khen", [Proposal("a"), Proposal("b")]);

        Assert.All(outcome.Nominees, n => Assert.True(n.Accepted));
        var shortfall = Assert.Single(outcome.Shortfalls);
        Assert.Equal("huyen", shortfall.RuleId);
    }
}
