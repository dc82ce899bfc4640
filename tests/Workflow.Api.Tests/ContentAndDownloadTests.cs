using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>Files are judged by what they are, and served back as what we checked, never as what the uploader declared.</summary>
public sealed class ContentAndDownloadTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Path = $"/api/unit/reports/{Uploads.Report}";

    [Fact]
    public async Task ZipBombPkElfAndPdfWrappedPrograms_AreRefusedNamingTheFileField_AndNothingIsStored()
    {
        const string unitId = "bcd-luc-ngan";
        using var unit = host.Unit(await host.TokenAsync(unitId));

        // 200 MB of zeros inflate from about 200 KB: under the file limit, refused for what it expands to.
        var bomb = HostileInputTests.ZipBomb(200L * 1024 * 1024);
        Assert.True(bomb.Length < ApiHost.MaxFileBytes, $"The bomb is {bomb.Length} bytes.");
        var (problem, fields) = await ApiHost.ProblemAsync(await unit.PostAsync(Path, Form(bomb, "bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["file"], fields);
        Assert.Contains("giải nén", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        byte[] pkElf = [.. "PK\u0003\u0004"u8, 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. new byte[200]];
        byte[] pdfPe = [.. "%PDF-1.7\n"u8, .. "MZ\u0090\u0000"u8, .. new byte[60], .. "This program cannot be run in DOS mode."u8, .. "\n%%EOF"u8];
        byte[] pdfNoEnd = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8];
        foreach (var (bytes, name) in new[] { (pkElf, "bao-cao.docx"), (HostileInputTests.PlainZip(), "bao-cao.xlsx"), (pdfPe, "bao-cao.pdf"), (pdfNoEnd, "bao-cao.pdf") })
        {
            (problem, fields) = await ApiHost.ProblemAsync(await unit.PostAsync(Path, Form(bytes, name, "application/octet-stream")), HttpStatusCode.UnsupportedMediaType);
            Assert.Equal(["file"], fields);
            Assert.Contains("bao-cao", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(await host.Services.GetRequiredService<IDossierStore>().ListVersionsAsync(new SubmissionKey(ApiHost.CycleId, unitId, Uploads.Report)));
    }

    [Fact]
    public async Task PolyglotDeclaredTextHtml_DownloadsAsAPdfAttachment_WithNosniff()
    {
        const string unitId = "bcd-hiep-hoa";
        using var unit = host.Unit(await host.TokenAsync(unitId));
        // A well-formed PDF whose comment is a page of script: harmless as a PDF, an XSS if served as text/html.
        var polyglot = Encoding.UTF8.GetBytes("%PDF-1.7\n%<html><body><script>fetch('/api/cycles',{headers:{'X-Api-Key':sessionStorage.key}})</script></body></html>\n%%EOF\n");
        var receipt = await ApiHost.ReadAsync(await unit.PostAsync(Path, Form(polyglot, "bao-cao.pdf", "text/html")), HttpStatusCode.Created);
        var version = receipt.GetProperty("version").GetInt32();

        using var download = await host.Operator.GetAsync($"/api/cycles/{ApiHost.CycleId}/dossiers/{unitId}/{Uploads.Report}/{version}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("bao-cao.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("sandbox", Assert.Single(download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(polyglot, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Dashboard_HasAContentSecurityPolicy_AndEveryResponseHasNosniff()
    {
        using var dashboard = await host.Anonymous.GetAsync("/dashboard/");
        var policy = Assert.Single(dashboard.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);

        using var api = await host.Anonymous.GetAsync("/api/cycles");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("nosniff", Assert.Single(api.Headers.GetValues("X-Content-Type-Options")));
    }

    private MultipartFormDataContent Form(byte[] file, string name, string declaredType)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(part, "file", name);
        form.Add(new StringContent(Uploads.Statistics(host.Plan, 3), Encoding.UTF8), "statistics");
        return form;
    }
}
