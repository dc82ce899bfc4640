namespace Workflow.Email;

/// <summary>A unit's own upload link as the e-mail shows it; the token in it is made elsewhere.</summary>
public sealed record UploadLink(string Text, string Url)
{
    public static UploadLink For(string uploadBaseUrl, string token, string text = "Đường dẫn nộp hồ sơ của đơn vị") =>
        new(text, $"{uploadBaseUrl.TrimEnd('/')}/u/{Uri.EscapeDataString(token)}");
}
