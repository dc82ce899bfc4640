namespace Workflow.Email.Templates;

/// <summary>
/// Turns a template for one unit into a template for a batch: the unit's name, its link and the supervising member's
/// name become SendGrid substitution tags, filled per personalization. The HTML part has its own name tags, so a name
/// with markup characters is encoded there and left as written in the subject and the text. No tag is part of another,
/// since substitution is plain string replacement.
/// </summary>
public static class MailPersonalization
{
    public const string UnitTag = "%unit%";
    public const string UnitHtmlTag = "%unit_html%";
    public const string MemberTag = "%member%";
    public const string MemberHtmlTag = "%member_html%";
    public const string LinkTag = "%link%";

    /// <summary>The unit's link token, URL-escaped, for links other than its page (a template download).</summary>
    public const string TokenTag = "%token%";

    /// <summary>Renders <paramref name="render"/> twice (plain names, HTML names) and keeps the subject and text of the first, the HTML of the second.</summary>
    public static MailContent Template(Func<string, string, UploadLink, MailContent> render, string linkText = "Đường dẫn nộp hồ sơ của đơn vị")
    {
        ArgumentNullException.ThrowIfNull(render);
        var link = new UploadLink(linkText, LinkTag);
        var plain = render(UnitTag, MemberTag, link);
        var html = render(UnitHtmlTag, MemberHtmlTag, link);
        return plain with { Html = html.Html };
    }

    public static IReadOnlyDictionary<string, string> Values(string unitName, UploadLink link, string? memberName = null, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [UnitTag] = unitName,
            [UnitHtmlTag] = MailHtml.Encode(unitName),
            // Links carry an escaped token only, so they read the same in text and HTML.
            [LinkTag] = link.Url,
        };
        if (token is not null)
        {
            values[TokenTag] = Uri.EscapeDataString(token);
        }

        if (memberName is not null)
        {
            values[MemberTag] = memberName;
            values[MemberHtmlTag] = MailHtml.Encode(memberName);
        }

        return values;
    }
}
