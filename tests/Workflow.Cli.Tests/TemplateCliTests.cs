using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Cli.Tests;

/// <summary>A plan's templates go up with it from the folder named after it; more can be attached later by name.</summary>
public sealed class TemplateCliTests
{
    private static async Task<(int Code, string Output, string Error)> Run(StubHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, name => name == "WORKFLOW_OPERATOR_KEY" ? "khoa" : null, handler);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>The Bắc Giang sample with two templates declared on its report's first form.</summary>
    private static string PlanWithTemplates()
    {
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json")))!;
        plan["deliverables"]![0]!["forms"]![0]!["templates"] = new JsonArray(
            new JsonObject { ["title"] = "Mẫu biểu 01", ["file"] = "bieu-01.xlsx" },
            new JsonObject { ["title"] = "Phụ lục", ["file"] = "phu-luc.docx" });
        return plan.ToJsonString();
    }

    [Fact]
    public async Task Start_AttachesTheDeclaredTemplatesFoundInTheFolderNamedAfterThePlan_AndNamesThoseMissing()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-cli-").FullName;
        var plan = Path.Combine(folder, "bac-giang.plan.json");
        await File.WriteAllTextAsync(plan, PlanWithTemplates());
        Directory.CreateDirectory(Path.Combine(folder, "bac-giang"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "bac-giang", "bieu-01.xlsx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        await File.WriteAllTextAsync(Path.Combine(folder, "bac-giang", "khong-khai-bao.pdf"), "không được gửi");
        var handler = new StubHandler((_, _) => (HttpStatusCode.Accepted, """{"id":"bg-mau"}""", "application/json"));

        var (code, output, _) = await Run(handler, "start", plan, "--id", "bg-mau");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("/api/cycles?id=bg-mau", request.RequestUri!.PathAndQuery);
        Assert.Equal("multipart/form-data", request.Content!.Headers.ContentType!.MediaType);
        Assert.Matches("name=\"?plan\"?; filename=\"?plan\\.json", body);
        Assert.Matches("name=\"?templates\"?; filename=\"?bieu-01\\.xlsx", body);
        Assert.DoesNotContain("khong-khai-bao.pdf", body, StringComparison.Ordinal);
        Assert.DoesNotMatch("filename=\"?phu-luc\\.docx", body);
        Assert.Contains($"Đính kèm 1 tệp mẫu từ {Path.Combine(folder, "bac-giang")}: bieu-01.xlsx.", output, StringComparison.Ordinal);
        Assert.Contains("! Chưa có tệp mẫu: phu-luc.docx", output, StringComparison.Ordinal);
        Assert.Contains("workflow template bg-mau <tệp>", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Start_WithoutTemplates_SendsThePlanAsJson()
    {
        var plan = Path.GetTempFileName();
        await File.WriteAllTextAsync(plan, """{"id":"khong-doc-duoc"}""");
        var handler = new StubHandler((_, _) => (HttpStatusCode.Accepted, """{"id":"bg"}""", "application/json"));

        var (code, output, _) = await Run(handler, "start", plan);

        Assert.Equal(0, code);
        Assert.Equal("application/json", Assert.Single(handler.Requests).Request.Content!.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("tệp mẫu", output, StringComparison.Ordinal);
        File.Delete(plan);
    }

    [Fact]
    public async Task Template_PutsEachFileUnderItsName_AndShowsTheHostsRefusal()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-cli-").FullName;
        var file = Path.Combine(folder, "Biểu mẫu 3.xlsx");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        var handler = new StubHandler((request, _) => request.RequestUri!.AbsolutePath.EndsWith("Bi%E1%BB%83u%20m%E1%BA%ABu%203.xlsx", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"file":"Biểu mẫu 3.xlsx","formTitle":"Biểu mẫu 3","attached":true,"size":3}""", "application/json")
            : (HttpStatusCode.NotFound, """{"title":"Không tìm thấy","detail":"Kế hoạch không có tệp mẫu «x».","errors":[{"field":"file","message":"Kế hoạch không có tệp mẫu «x»."}]}""", "application/problem+json"));

        var (code, output, _) = await Run(handler, "template", "bg-mau", file);

        Assert.Equal(0, code);
        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/api/cycles/bg-mau/templates/Bi%E1%BB%83u%20m%E1%BA%ABu%203.xlsx", request.RequestUri!.AbsolutePath);
        Assert.Contains("✓ Đã đính kèm tệp mẫu Biểu mẫu 3.xlsx (Biểu mẫu 3) cho chu kỳ bg-mau.", output, StringComparison.Ordinal);

        var other = Path.Combine(folder, "x.xlsx");
        await File.WriteAllBytesAsync(other, [1]);
        var (refused, _, error) = await Run(handler, "template", "bg-mau", other);
        Assert.Equal(1, refused);
        Assert.Contains("Kế hoạch không có tệp mẫu «x».", error, StringComparison.Ordinal);

        Assert.Equal(2, (await Run(handler, "template", "bg-mau")).Code);
        Directory.Delete(folder, recursive: true);
    }
}
