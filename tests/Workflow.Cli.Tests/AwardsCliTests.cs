using System.Net;
using System.Text.Json;

namespace Workflow.Cli.Tests;

/// <summary>A round's award from the command line: the drafts downloaded, and the signed decision entered with its date as people write it.</summary>
public sealed class AwardsCliTests : IDisposable
{
    private const string Award = """
        {"roundId":"bang-khen-chu-tich-tinh","awardTitle":"Bằng khen của Chủ tịch UBND tỉnh","authority":"Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang",
         "proposed":3,"refused":1,"collectives":1,"individuals":1,
         "drafts":[{"name":"to-trinh.docx","url":"/api/cycles/bg/awards/bang-khen-chu-tich-tinh/to-trinh.docx"},
                   {"name":"quyet-dinh.docx","url":"/api/cycles/bg/awards/bang-khen-chu-tich-tinh/quyet-dinh.docx"},
                   {"name":"danh-sach.xlsx","url":"/api/cycles/bg/awards/bang-khen-chu-tich-tinh/danh-sach.xlsx"}],
         "decision":null,"decisionText":"Quyết định số 125/QĐ-UBND ngày 20/05/2024 (2 tập thể, cá nhân)"}
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workflow-awards-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static StubHandler Host() => new((request, _) => request.RequestUri!.AbsolutePath switch
    {
        "/api/cycles/bg/awards/bang-khen-chu-tich-tinh" => (HttpStatusCode.OK, Award, "application/json"),
        "/api/cycles/bg/awards/bang-khen-chu-tich-tinh/decision" => (HttpStatusCode.OK, "{}", "application/json"),
        var path => (HttpStatusCode.OK, $"nội dung {Path.GetFileName(path)}", "application/octet-stream"),
    });

    private static async Task<(int Code, string Output, string Error)> Run(StubHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, name => name == "WORKFLOW_OPERATOR_KEY" ? "khoa-thu" : null, handler);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Awards_DownloadsTheThreeDrafts_AndSaysWhereTheRoundStands()
    {
        var handler = Host();

        var (code, output, _) = await Run(handler, "awards", "bg", "--round", "bang-khen-chu-tich-tinh", "--out", _folder.FullName);

        Assert.Equal(0, code);
        Assert.Contains("Bằng khen của Chủ tịch UBND tỉnh — Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang: 3 đề nghị, 1 không đủ điều kiện; khen 1 tập thể, 1 cá nhân.", output, StringComparison.Ordinal);
        Assert.Contains("Đã ký: Quyết định số 125/QĐ-UBND ngày 20/05/2024", output, StringComparison.Ordinal);
        Assert.Equal(["danh-sach.xlsx", "quyet-dinh.docx", "to-trinh.docx"], _folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("nội dung quyet-dinh.docx", await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "quyet-dinh.docx")));
        Assert.DoesNotContain(handler.Requests, r => r.Request.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Awards_WithTheSignedNumberAndDate_RecordsTheDecisionFirst()
    {
        var handler = Host();

        var (code, _, _) = await Run(handler, "awards", "bg", "--round", "bang-khen-chu-tich-tinh", "--out", _folder.FullName, "--number", "125/QĐ-UBND", "--signed", "20/05/2024");

        Assert.Equal(0, code);
        var (request, body) = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.EndsWith("/api/cycles/bg/awards/bang-khen-chu-tich-tinh/decision", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body!);
        Assert.Equal(("125/QĐ-UBND", "2024-05-20"), (json.RootElement.GetProperty("number").GetString(), json.RootElement.GetProperty("signedOn").GetString()));
    }

    [Theory]
    [InlineData("--number", "125/QĐ-UBND")]
    [InlineData("--signed", "20/05/2024")]
    public async Task Awards_WithOnlyHalfADecision_IsAUsageErrorAndSendsNothing(string option, string value)
    {
        var handler = Host();

        var (code, _, error) = await Run(handler, "awards", "bg", "--round", "r", option, value);

        Assert.Equal(2, code);
        Assert.Contains("cần cả số (--number) và ngày ký (--signed dd/MM/yyyy)", error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Awards_WithADateNotWrittenDdMmYyyy_IsAUsageError()
    {
        var (code, _, error) = await Run(Host(), "awards", "bg", "--round", "r", "--number", "1/QĐ", "--signed", "2024-05-20");

        Assert.Equal(2, code);
        Assert.Contains("không đúng dạng dd/MM/yyyy", error, StringComparison.Ordinal);
    }
}
