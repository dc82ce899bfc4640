using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Documents;

/// <summary>Runs, paragraphs and tables as Decree 30/2020/NĐ-CP lays them out, so the documents only say what goes where.</summary>
internal static class Word
{
    public static Run Run(string text, TextStyle style)
    {
        var properties = new RunProperties();
        if (style.Bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }

        if (style.Italic)
        {
            properties.Append(new Italic(), new ItalicComplexScript());
        }

        properties.Append(new FontSize { Val = style.HalfPoints }, new FontSizeComplexScript { Val = style.HalfPoints });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A paragraph of runs; spacing in points before and after, a first-line indent in twips.</summary>
    public static Paragraph Para(
        JustificationValues align, IEnumerable<Run> runs, double before = 0, double after = 0, int firstLine = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(Spacing(before, after));
        if (firstLine > 0)
        {
            properties.Append(new Indentation { FirstLine = Twips.Of(firstLine) });
        }

        properties.Append(new Justification { Val = align });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    public static Paragraph Line(string text, TextStyle style, JustificationValues align, double before = 0, double after = 0) =>
        Para(align, [Run(text, style)], before, after);

    public static Paragraph Centered(string text, TextStyle style, double before = 0, double after = 0) =>
        Line(text, style, JustificationValues.Center, before, after);

    /// <summary>A body paragraph: justified, first line indented, 6 pt before (Decree 30: at least 6 pt between paragraphs).</summary>
    public static Paragraph Body(params Run[] runs) => Para(JustificationValues.Both, runs, before: 6, firstLine: Twips.FirstLine);

    /// <summary>A body paragraph kept on the page of what follows it: the last article goes with the signature.</summary>
    public static Paragraph BodyKeptWithNext(params Run[] runs) =>
        Para(JustificationValues.Both, runs, before: 6, firstLine: Twips.FirstLine, keepNext: true);

    /// <summary>
    /// A solid rule <paramref name="length"/> twips long, centered in a space <paramref name="space"/> twips wide: the
    /// line under the organ, the tiêu ngữ and the trích yếu. An empty paragraph's top border, narrowed by its indents.
    /// </summary>
    public static Paragraph Rule(int length, int space, double after = 0)
    {
        // A few points above the border keep it off the descenders of the line it stands under.
        var side = Twips.Of(Math.Max(0, (space - length) / 2));
        var small = new TextStyle(2);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            Spacing(4, after),
            new Indentation { Left = side, Right = side },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = small.HalfPoints }, new FontSizeComplexScript { Val = small.HalfPoints })));
    }

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>A fixed-width table; borderless for the header and signature blocks, ruled for the annex.</summary>
    public static Table Table(IReadOnlyList<int> widths, bool ruled)
    {
        var border = ruled ? BorderValues.Single : BorderValues.None;
        var size = ruled ? 4U : 0U;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Twips.Of(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    new TopBorder { Val = border, Size = size },
                    new LeftBorder { Val = border, Size = size },
                    new BottomBorder { Val = border, Size = size },
                    new RightBorder { Val = border, Size = size },
                    new InsideHorizontalBorder { Val = border, Size = size },
                    new InsideVerticalBorder { Val = border, Size = size }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                // The blocks use their columns to the edge; the annex keeps a little air beside its rules.
                new TableCellMarginDefault(
                    new TopMargin { Width = Twips.Of(ruled ? 40 : 0), Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = ruled ? (short)80 : (short)0, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = Twips.Of(ruled ? 40 : 0), Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = ruled ? (short)80 : (short)0, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips.Of(w) })));
        return table;
    }

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, int span = 1, bool middle = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips.Of(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (middle)
        {
            properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var cell = new TableCell(properties);
        cell.Append(content);
        // A cell must end with a paragraph.
        if (cell.LastChild is not Paragraph)
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    private static SpacingBetweenLines Spacing(double before, double after) => new()
    {
        Before = Twips.Of((int)Math.Round(before * 20)),
        After = Twips.Of((int)Math.Round(after * 20)),
        Line = "240",
        LineRule = LineSpacingRuleValues.Auto,
    };
}
