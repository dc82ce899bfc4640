using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflow.Api.Tests;

/// <summary>The reference page at /api/docs, served offline from the host, and the problem answers the OpenAPI document describes.</summary>
public sealed partial class ApiDocsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Docs_AreAnonymous_AndServeTheirScriptFromTheHost()
    {
        var page = await host.Anonymous.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET /api/docs: {page.StatusCode}: {html}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Tài liệu API", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The page names the document relative to the site's root: its script takes the page's own path (/api/docs/) off
        // the address and resolves the document's URL against what is left.
        Assert.Equal("/api/docs/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("'%2Fapi%2Fdocs%2F'", html, StringComparison.Ordinal);
        var source = DocumentSource().Match(html);
        Assert.True(source.Success, html);
        Assert.Equal("openapi/v1.json", source.Groups[1].Value);
        await ApiHost.ReadAsync(await host.Anonymous.GetAsync("/" + source.Groups[1].Value), HttpStatusCode.OK);

        // No internet here or at the customer's: every script comes from this host, none from a CDN.
        var scripts = ScriptSource().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(scripts);
        var sizes = new Dictionary<string, int>();
        foreach (var script in scripts)
        {
            var url = new Uri(page.RequestMessage.RequestUri!, script);
            Assert.Equal(host.Anonymous.BaseAddress!.Authority, url.Authority);
            var answer = await host.Anonymous.GetAsync(url);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {url}: {answer.StatusCode}");
            Assert.Contains("javascript", answer.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            sizes[script] = (await answer.Content.ReadAsByteArrayAsync()).Length;
        }

        // The standalone bundle itself (megabytes), not a loader that would fetch it from elsewhere.
        Assert.True(sizes.GetValueOrDefault("scalar.js") > 500_000, string.Join(", ", sizes));

        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.OrdinalIgnoreCase);

        // The page is not an API operation, and opening it opens nothing else.
        var document = await host.GetJsonAsync(host.Anonymous, "/openapi/v1.json");
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/api/docs", StringComparison.Ordinal));
        await ApiHost.ProblemAsync(await host.Anonymous.GetAsync("/api/cycles"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryErrorAnswer_AsAProblem()
    {
        var document = await host.GetJsonAsync(host.Anonymous, "/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var problem = schemas.GetProperty("ApiProblem");
        Assert.Equal("#/components/schemas/ApiFieldError", problem.GetProperty("properties").GetProperty("errors").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Contains("errors", problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var field = schemas.GetProperty("ApiFieldError").GetProperty("properties");
        Assert.True(field.TryGetProperty("field", out _) && field.TryGetProperty("message", out _));
        Assert.False(schemas.TryGetProperty("ProblemDetails", out _), "The framework's problem schema is replaced, not left beside ours.");

        var declared = new Dictionary<string, int>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            foreach (var response in responses.EnumerateObject().Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                if (path == "/api/health")
                {
                    continue;
                }

                var where = $"{method} {path} {response.Name}";
                var reference = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                Assert.True(reference == "#/components/schemas/ApiProblem", $"{where}: {reference}");
                var description = response.Value.GetProperty("description").GetString();
                Assert.False(string.IsNullOrWhiteSpace(description) || Reasons.Contains(description), $"{where}: «{description}»");
                declared[response.Name] = declared.GetValueOrDefault(response.Name) + 1;
            }

            var where503 = $"{method} {path}";
            Assert.True(responses.TryGetProperty("503", out var unavailable), $"{where503}: no 503");
            if (path != "/api/health")
            {
                Assert.True(unavailable.GetProperty("headers").TryGetProperty("Retry-After", out _), $"{where503}: 503 without Retry-After");
            }

            if (operation.TryGetProperty("security", out _))
            {
                Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{where503}: a credential is required but 401/403 are not described");
            }
        }

        // The routes do declare these; each got the problem schema and a description above.
        foreach (var status in new[] { "400", "401", "403", "404", "409", "413", "415" })
        {
            Assert.True(declared.GetValueOrDefault(status) > 0, $"No operation answers {status}.");
        }

        var notFound = document.GetProperty("paths").GetProperty("/api/cycles/{id}").GetProperty("get").GetProperty("responses").GetProperty("404");
        Assert.StartsWith("Không tìm thấy", notFound.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static readonly HashSet<string> Reasons = ["Bad Request", "Unauthorized", "Forbidden", "Not Found", "Conflict", "Payload Too Large", "Unsupported Media Type", "Service Unavailable"];

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete").Select(m => (path.Name, m.Name, m.Value)));

    [GeneratedRegex("\"sources\":\\[\\{[^}]*\"url\":\"([^\"]+)\"")]
    private static partial Regex DocumentSource();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
