using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Tests;

public sealed class ProblemRenderingTests
{
    private static string Render(int status, string? body)
    {
        var error = new StringWriter();
        ProblemRenderer.Write(ProblemReader.Read(status, body), error);
        return error.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void ProblemWithFieldErrors_ListsEveryField()
    {
        const string body = """
            {"type":"about:blank","title":"Kế hoạch không hợp lệ.","status":400,"detail":"2 lỗi.",
             "errors":[{"field":"deliverables[0].deadline","message":"Thiếu hạn chót."},{"field":"units","message":"Danh sách đơn vị rỗng."}]}
            """;

        Assert.Equal(
            "✗ Kế hoạch không hợp lệ. (HTTP 400)\n  2 lỗi.\n  - deliverables[0].deadline: Thiếu hạn chót.\n  - units: Danh sách đơn vị rỗng.\n",
            Render(400, body));
    }

    [Fact]
    public void AspNetValidationShape_IsShownToo()
    {
        const string body = """{"title":"One or more validation errors occurred.","status":400,"errors":{"$.reason":["The JSON value could not be converted."]}}""";

        Assert.Equal(
            "✗ One or more validation errors occurred. (HTTP 400)\n  - $.reason: The JSON value could not be converted.\n",
            Render(400, body));
    }

    [Theory]
    [InlineData(401, "", "✗ Chưa xác thực: thiếu hoặc sai khoá vận hành (--key hoặc WORKFLOW_OPERATOR_KEY). (HTTP 401)\n")]
    [InlineData(404, null, "✗ Không tìm thấy. (HTTP 404)\n")]
    [InlineData(502, "Bad Gateway", "✗ Máy chủ gặp lỗi. (HTTP 502)\n  Bad Gateway\n")]
    public void WithoutProblemDetails_AVietnameseTitleIsUsed(int status, string? body, string expected) =>
        Assert.Equal(expected, Render(status, body));
}
