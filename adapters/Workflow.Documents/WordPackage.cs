using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Documents;

/// <summary>
/// The .docx around a body: A4 with Decree 30's margins, Times New Roman 14 pt in Vietnamese, page numbers centered in
/// the top margin from the second page on.
/// </summary>
internal static class WordPackage
{
    public static void Write(Body body, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // The package is written whole to memory first: the SDK needs a seekable stream, an HTTP response is not one.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();

            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header(new Paragraph());
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new Header(PageNumber());

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = (UInt32Value)(uint)Twips.PageWidth, Height = (UInt32Value)(uint)Twips.PageHeight },
                new PageMargin
                {
                    Top = Twips.MarginTop,
                    Bottom = Twips.MarginBottom,
                    Left = (UInt32Value)(uint)Twips.MarginLeft,
                    Right = (UInt32Value)(uint)Twips.MarginRight,
                    Header = 567U,
                    Footer = 567U,
                    Gutter = 0U,
                },
                new TitlePage()));
            main.Document = new Document(body);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Styles Styles()
    {
        var size = TextStyle.Body.HalfPoints;
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = size },
                    new FontSizeComplexScript { Val = size },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    private static Paragraph PageNumber()
    {
        var style = TextStyle.Body;
        return Word.Para(
            JustificationValues.Center,
            [
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                Word.Run("2", style),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            ]);
    }
}
