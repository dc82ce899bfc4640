using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Documents.Tests;

/// <summary>A .docx written to memory and read back with the SDK: its paragraphs' text, its tables, its schema errors.</summary>
internal sealed class WrittenDocument
{
    private WrittenDocument(IReadOnlyList<string> paragraphs, IReadOnlyList<Table> tables, IReadOnlyList<string> errors, SectionProperties section)
    {
        Paragraphs = paragraphs;
        Tables = tables;
        Errors = errors;
        Section = section;
    }

    /// <summary>Every paragraph's text, in document order, those inside tables included.</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    public IReadOnlyList<Table> Tables { get; }
    public IReadOnlyList<string> Errors { get; }
    public SectionProperties Section { get; }

    /// <summary>The ruled table of five columns: the annexed list.</summary>
    public Table Annex => Tables.Single(t => t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count() == 5);

    public static WrittenDocument Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        return new WrittenDocument(
            [.. body.Descendants<Paragraph>().Select(p => p.InnerText)],
            [.. body.Descendants<Table>().Select(t => (Table)t.CloneNode(true))],
            errors,
            (SectionProperties)body.Elements<SectionProperties>().Single().CloneNode(true));
    }

    public static IReadOnlyList<string> CellTexts(TableRow row) => [.. row.Elements<TableCell>().Select(c => c.InnerText)];
}
