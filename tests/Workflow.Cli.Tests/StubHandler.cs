using System.Net;
using System.Text;

namespace Workflow.Cli.Tests;

/// <summary>Answers requests from a table of canned responses and remembers what was asked.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, string?, (HttpStatusCode Status, string Body, string ContentType)> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var (status, text, contentType) = respond(request, body);
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, contentType) };
    }
}
