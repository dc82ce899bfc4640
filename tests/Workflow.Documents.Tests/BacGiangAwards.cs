using Workflow.Domain.Awards;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Documents.Tests;

/// <summary>
/// The Bắc Giang sample plan and four nominees the province chair's round awarded: two collectives, and two people,
/// one whose records carry their decisions and one whose only filed record an operator refused.
/// </summary>
internal static class BacGiangAwards
{
    public const string CycleId = "bg-2024-ct07";
    public const string ChairRound = "bang-khen-chu-tich-tinh";
    public static readonly DateOnly Date = new(2024, 4, 15);

    public static Plan Plan { get; } =
        PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;

    public static NominationRound Round(string id) => Plan.NominationRounds.Single(r => r.Id == id);

    private static readonly DateTimeOffset ReviewedAt = new(2024, 4, 2, 3, 0, 0, TimeSpan.Zero);

    public static Nomination CommunePolice { get; } = Nominee("tt-dong-tien", NomineeKind.Collective, "Công an xã Đồng Tiến", "yen-the-xa-dong-tien");

    public static Nomination School { get; } = Nominee("tt-thcs-nha-nam", NomineeKind.Collective, "Trường THCS Nhã Nam", "tan-yen-thcs-nha-nam");

    public static Nomination Hung { get; } = Nominee("cn-hung", NomineeKind.Individual, "Nguyễn Văn Hùng", "yen-the-xa-dong-tien") with
    {
        Position = "Trưởng Công an xã",
        PersonalId = "024089001234",
        Achievements =
        [
            new AchievementRecord
            {
                Id = "2023-gk", Year = 2023, Title = "Giấy khen của Giám đốc Công an tỉnh", DecisionNumber = "215/QĐ-CAT",
                DecisionDate = new DateOnly(2023, 2, 5), Issuer = "Giám đốc Công an tỉnh Bắc Giang",
                Evidence = new EvidenceFile("bg/cn-hung/2023-gk", "qd-215.pdf", new string('a', 64)),
            },
            new AchievementRecord
            {
                Id = "2022-cstd", Year = 2022, Title = "Chiến sĩ thi đua cơ sở", DecisionNumber = "1520/QĐ-CAT",
                DecisionDate = new DateOnly(2022, 12, 20), Issuer = "Giám đốc Công an tỉnh Bắc Giang",
                Review = new RecordReview(ReviewVerdict.Verified, null, "thuong-truc", ReviewedAt),
            },
            // Declared only: no file, nobody checked it.
            new AchievementRecord { Id = "2021-lđtt", Year = 2021, Title = "Lao động tiên tiến" },
        ],
    };

    public static Nomination Ha { get; } = Nominee("cn-ha", NomineeKind.Individual, "Trần Thị Thu Hà", "tan-yen-thcs-nha-nam") with
    {
        Position = "Hiệu trưởng",
        Achievements =
        [
            new AchievementRecord
            {
                Id = "2023-bk", Year = 2023, Title = "Bằng khen của Chủ tịch UBND tỉnh", DecisionNumber = "88/QĐ-UBND",
                DecisionDate = new DateOnly(2023, 1, 9), Issuer = "Chủ tịch UBND tỉnh Bắc Giang",
                Evidence = new EvidenceFile("bg/cn-ha/2023-bk", "qd-88.pdf", new string('b', 64)),
                Review = new RecordReview(ReviewVerdict.Refused, "Quyết định không mang tên người được đề nghị", "thuong-truc", ReviewedAt),
            },
        ],
    };

    /// <summary>Given individuals first, as a round's selection may list them: the draft puts collectives first.</summary>
    public static IReadOnlyList<Nomination> Awarded { get; } = [Hung, CommunePolice, Ha, School];

    public static AwardDraft ChairDraft() => AwardDraftBuilder.Build(Plan, CycleId, Round(ChairRound), Awarded, proposed: 9, refused: 2, Date);

    private static Nomination Nominee(string id, NomineeKind kind, string name, string unit) => new()
    {
        Id = id,
        Round = ChairRound,
        ProposedBy = unit.StartsWith("yen-the", StringComparison.Ordinal) ? "bcd-yen-the" : "bcd-tan-yen",
        NomineeUnit = unit,
        Kind = kind,
        Name = name,
        Profile = kind == NomineeKind.Collective ? "tap-the" : "ca-nhan",
    };
}
