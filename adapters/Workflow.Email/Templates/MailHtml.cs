using System.Net;
using System.Text;

namespace Workflow.Email.Templates;

/// <summary>The HTML part is the plain text, paragraph for paragraph, with the upload link clickable: the two never say different things.</summary>
internal static class MailHtml
{
    public static string From(string text, UploadLink link)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family:'Times New Roman',serif;font-size:14pt\">");
        foreach (var paragraph in text.Split("\n\n"))
        {
            var lines = paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line));
            var encoded = string.Join("<br>", lines);
            var url = WebUtility.HtmlEncode(link.Url);
            encoded = encoded.Replace(url, $"<a href=\"{url}\">{url}</a>", StringComparison.Ordinal);
            html.Append("<p>").Append(encoded).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
