namespace Workflow.Api.Http;

/// <summary>
/// A stored file served to be saved, never rendered: its Content-Type comes from the checked kind (the extension the
/// upload boundary verified against the content), not from what the uploader declared; <c>nosniff</c> stops browsers
/// from guessing another type; <c>Content-Disposition: attachment</c> makes it a download; and a sandboxing
/// Content-Security-Policy keeps it inert even if opened in a tab, in the origin where the dashboard keeps the operator key.
/// </summary>
public sealed class DownloadResult(ReadOnlyMemory<byte> content, string fileName, string contentType) : IResult
{
    public static DownloadResult Stored(ReadOnlyMemory<byte> content, string fileName) => new(content, fileName, ContentSniffer.MediaType(fileName));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.File(content.ToArray(), contentType, fileName).ExecuteAsync(httpContext);
    }
}
