using Workflow.Domain.Nominations;

namespace Workflow.Domain.Tests.Nominations;

/// <summary>The seed-000 dossier (section III.4) as the real sample plan encodes it.</summary>
public sealed class DossierCheckerTests
{
    private static DossierRequirement Director => BacGiangSample.Round(BacGiangSample.DirectorRound).Dossier!;

    [Fact]
    public void CollectiveDossier_WithEveryDocumentAndATwentyLineSummary_IsComplete()
    {
        var result = DossierChecker.Check(Director, NomineeKind.Collective, Full(summaryLines: 20));

        Assert.True(result.Complete);
        Assert.Equal(2, result.Copies);
    }

    [Fact]
    public void CollectiveDossier_WithATwentyOneLineSummary_IsOverItsLimit()
    {
        var result = DossierChecker.Check(Director, NomineeKind.Collective, Full(summaryLines: 21));

        Assert.False(result.Complete);
        var problem = Assert.Single(result.OverLimit);
        Assert.Equal(("tom-tat-thanh-tich", DossierProblemKind.OverLimit), (problem.DocumentId, problem.Kind));
        Assert.Equal("«Tóm tắt thành tích của tập thể, cá nhân đề nghị khen thưởng» dài 21 dòng, vượt giới hạn 20 dòng đối với tập thể.", problem.Message);
    }

    [Fact]
    public void IndividualDossier_WithALongSummary_IsComplete_BecauseTheLimitIsForCollectives()
    {
        var result = DossierChecker.Check(Director, NomineeKind.Individual, Full(summaryLines: 35));

        Assert.True(result.Complete);
    }

    [Fact]
    public void Dossier_WithoutTheMau08Report_IsMissingItNamedWithItsForm()
    {
        var submitted = Full(summaryLines: 12).Where(d => d.DocumentId != "bao-cao-thanh-tich");

        var result = DossierChecker.Check(Director, NomineeKind.Individual, submitted);

        var missing = Assert.Single(result.Missing);
        Assert.Equal("bao-cao-thanh-tich", missing.DocumentId);
        Assert.Equal("Thiếu «Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng (Mẫu 08, Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ)».", missing.Message);
    }

    [Fact]
    public void CollectiveSummary_WithoutALineCount_CannotBeAcceptedAsComplete()
    {
        var submitted = Full(summaryLines: 10).Select(d => d.DocumentId == "tom-tat-thanh-tich" ? d with { LineCount = null } : d);

        var result = DossierChecker.Check(Director, NomineeKind.Collective, submitted);

        Assert.Equal(DossierProblemKind.LengthUnknown, Assert.Single(result.Problems).Kind);
    }

    [Fact]
    public void EmptyDossier_ListsEverySectionIII4Document_AsMissing()
    {
        var result = DossierChecker.Check(Director, NomineeKind.Collective, []);

        Assert.Equal(
            ["to-trinh", "bien-ban-hop-xet", "danh-sach-de-nghi", "tom-tat-thanh-tich", "bao-cao-thanh-tich", "ban-sao-khen-thuong"],
            result.Missing.Select(m => m.DocumentId));
    }

    private static IEnumerable<SubmittedDocument> Full(int summaryLines) =>
        Director.Documents.Select(d => new SubmittedDocument(d.Id, d.Id == "tom-tat-thanh-tich" ? summaryLines : null));
}
