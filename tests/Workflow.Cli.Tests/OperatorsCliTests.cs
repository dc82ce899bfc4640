using System.Net;

namespace Workflow.Cli.Tests;

public sealed class OperatorsCliTests
{
    private const string Issued = """
        {"operator":{"id":"a1b2c3d4e5f6","name":"Cán bộ huyện Yên Thế","role":"operator","scope":"bcd-yen-the","createdAt":"2024-03-11T02:00:00Z",
         "createdBy":"bootstrap","rotatedAt":null,"revokedAt":null,"revokedBy":null},
         "key":"wf_a1b2c3d4e5f6_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
        """;

    private static async Task<(int Code, string Output, string Error, StubHandler Handler)> Run(StubHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, name => name == "WORKFLOW_OPERATOR_KEY" ? "khoa-thu" : null, handler);
        return (code, output.ToString(), error.ToString(), handler);
    }

    [Fact]
    public async Task Issue_PostsNameRoleScope_AndPrintsTheKeyOnce()
    {
        var (code, output, _, handler) = await Run(new StubHandler((_, _) => (HttpStatusCode.Created, Issued, "application/json")),
            "operators", "issue", "--name", "Cán bộ huyện Yên Thế", "--role", "operator", "--scope", "bcd-yen-the");
        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:7071/api/operators", request.RequestUri!.ToString());
        Assert.Contains("\"scope\":\"bcd-yen-the\"", body, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"operator\"", body, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), line => line.Trim() == "wf_a1b2c3d4e5f6_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Contains("đơn vị bcd-yen-the và các đơn vị cấp dưới", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeAndRotate_CallTheirRoutes_AndAWrongRoleIsAUsageError()
    {
        const string account = """
            {"id":"a1b2c3d4e5f6","name":"Cán bộ huyện Yên Thế","role":"operator","scope":"bcd-yen-the","createdAt":"2024-03-11T02:00:00Z",
             "createdBy":"bootstrap","rotatedAt":null,"revokedAt":"2024-03-12T02:00:00Z","revokedBy":"bootstrap"}
            """;
        var (code, _, _, handler) = await Run(new StubHandler((_, _) => (HttpStatusCode.OK, account, "application/json")), "operators", "revoke", "a1b2c3d4e5f6");
        Assert.Equal(0, code);
        Assert.Equal("http://127.0.0.1:7071/api/operators/a1b2c3d4e5f6/revoke", Assert.Single(handler.Requests).Request.RequestUri!.ToString());

        (code, var output, _, handler) = await Run(new StubHandler((_, _) => (HttpStatusCode.OK, Issued, "application/json")), "operators", "rotate", "a1b2c3d4e5f6");
        Assert.Equal(0, code);
        Assert.Equal("http://127.0.0.1:7071/api/operators/a1b2c3d4e5f6/rotate", Assert.Single(handler.Requests).Request.RequestUri!.ToString());
        Assert.Contains("khoá cũ hết hiệu lực ngay", output, StringComparison.Ordinal);

        (code, _, var error, handler) = await Run(new StubHandler((_, _) => (HttpStatusCode.OK, "{}", "application/json")), "operators", "issue", "--name", "x", "--role", "root", "--scope", "*");
        Assert.Equal(2, code);
        Assert.Empty(handler.Requests);
        Assert.Contains("--role", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_ShowsNameRoleAndScope()
    {
        var (code, output, _, handler) = await Run(new StubHandler((_, _) => (HttpStatusCode.OK,
            """{"id":"bootstrap","name":"Khoá khởi tạo","role":"administrator","scope":"*","source":"bootstrap"}""", "application/json")), "whoami");
        Assert.Equal(0, code);
        Assert.Equal("http://127.0.0.1:7071/api/me", Assert.Single(handler.Requests).Request.RequestUri!.ToString());
        Assert.Contains("quản trị (administrator)", output, StringComparison.Ordinal);
        Assert.Contains("toàn hệ thống (*)", output, StringComparison.Ordinal);
    }
}
