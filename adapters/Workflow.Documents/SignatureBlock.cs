using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Documents;

/// <summary>The foot of a document: "Nơi nhận:" and its list on the left, the signer's title and room to sign on the right.</summary>
internal static class SignatureBlock
{
    private const int Left = 4500;
    private const int Right = Twips.TextWidth - Left;

    public static Table Table(IReadOnlyList<string> recipients, string signerTitle)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var received = new List<OpenXmlElement> { Word.Line("Nơi nhận:", new TextStyle(12, Bold: true, Italic: true), JustificationValues.Left) };
        for (var i = 0; i < recipients.Count; i++)
        {
            // Each line ends with a semicolon, the last with a full stop.
            var end = i == recipients.Count - 1 ? "." : ";";
            received.Add(Word.Line($"- {recipients[i]}{end}", new TextStyle(11), JustificationValues.Left));
        }

        var signer = new List<OpenXmlElement> { Word.Centered(signerTitle, TextStyle.Body.Bolded) };
        // Room for the signature and the seal.
        signer.AddRange(Enumerable.Range(0, 5).Select(_ => Word.Centered("", TextStyle.Body)));

        var table = Word.Table([Left, Right], ruled: false);
        table.Append(new TableRow(
            new TableRowProperties(new CantSplit()),
            Word.Cell(Left, received),
            Word.Cell(Right, signer)));
        return table;
    }

    /// <summary>The space between the last paragraph and the block.</summary>
    public static Paragraph Gap() => Word.Para(JustificationValues.Left, [Word.Run("", TextStyle.Body)], before: 6, keepNext: true);
}
