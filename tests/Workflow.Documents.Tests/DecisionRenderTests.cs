namespace Workflow.Documents.Tests;

/// <summary>
/// The drafts as a person sees them: written under artifacts/drafts, printed to PDF by LibreOffice and to PNG by poppler,
/// for a look at the header columns, the centered titles, the annex and the diacritics.
/// </summary>
public sealed class DecisionRenderTests
{
    private static readonly string Drafts = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "drafts")).FullName;

    [Fact]
    public async Task Decision_renders_with_its_annex_on_a_second_page()
    {
        var pages = await RenderAsync("quyet-dinh-bang-khen-chu-tich-tinh", AwardDocuments.WriteDecision);

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s): the annex should start a page of its own.");
        Assert.EndsWith("quyet-dinh-bang-khen-chu-tich-tinh-1.png", pages[0], StringComparison.Ordinal);
        // A blank A4 page at 80 dpi compresses to a few kilobytes; one with text is tens of them.
        Assert.True(new FileInfo(pages[0]).Length > 20_000, $"{pages[0]} is {new FileInfo(pages[0]).Length} bytes.");
    }

    [Fact]
    public async Task Submission_renders_with_its_annex_on_a_second_page()
    {
        var pages = await RenderAsync("to-trinh-bang-khen-chu-tich-tinh", AwardDocuments.WriteSubmission);

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s): the annex should start a page of its own.");
        Assert.True(new FileInfo(pages[0]).Length > 20_000, $"{pages[0]} is {new FileInfo(pages[0]).Length} bytes.");
    }

    private static async Task<IReadOnlyList<string>> RenderAsync(string name, Action<Domain.Awards.AwardDraft, Stream> write)
    {
        var docx = Path.Combine(Drafts, $"{name}.docx");
        await using (var file = File.Create(docx))
        {
            write(BacGiangAwards.ChairDraft(), file);
        }

        var pdf = await Office.ToPdfAsync(docx);
        return await Office.ToPngAsync(pdf, Path.Combine(Drafts, name));
    }
}
