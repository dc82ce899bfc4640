using System.Text;

namespace Workflow.Email.Templates;

/// <summary>The HTML part is the plain text, paragraph for paragraph, with the upload link (and any download link) clickable: the two never say different things.</summary>
internal static class MailHtml
{
    public static string From(string text, UploadLink link, IEnumerable<string>? downloads = null)
    {
        var urls = (downloads ?? []).Select(Encode).Distinct(StringComparer.Ordinal).ToList();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family:'Times New Roman',serif;font-size:14pt\">");
        foreach (var paragraph in text.Split("\n\n"))
        {
            var lines = paragraph.Split('\n').Select(line => Encode(line));
            var encoded = string.Join("<br>", lines);
            var url = Encode(link.Url);
            encoded = encoded.Replace(url, $"<a href=\"{url}\">{url}</a>", StringComparison.Ordinal);
            foreach (var download in urls)
            {
                encoded = encoded.Replace(download, $"<a href=\"{download}\">{download}</a>", StringComparison.Ordinal);
            }

            html.Append("<p>").Append(encoded).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Only the markup characters: Vietnamese letters stay readable in the source of the mail (it is sent as UTF-8).</summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
