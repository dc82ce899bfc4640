using System.Net;
using System.Text.Json;

namespace Workflow.Cli.Tests;

public sealed class RehearsalCliTests
{
    private const string SteppedCycle = """
        {"id":"bg-dien-tap","title":"Kế hoạch tổng kết 10 năm","planNumber":"12/KH-BCĐ","issuer":"BCĐ tỉnh","runtimeStatus":"running",
         "createdAt":"2025-06-02T02:00:00Z","lastUpdatedAt":"2025-06-02T02:01:00Z","failure":null,
         "progress":{"phase":"collecting","phaseLabel":"Đang thu báo cáo, hồ sơ","expected":12,"onTime":4,"late":0,"missing":0,"pending":8,
                     "nominations":{"received":0,"accepted":0,"rejected":0,"lateRejected":0,"picked":0,"pickedAccepted":0},"remindersSent":7,"mailsWithheld":3,
                     "nextDeadline":"2024-04-30T17:00:00Z","nextDeadlineText":"trước ngày 01/05/2024","extensions":0,
                     "reachedAt":"2024-04-10T01:00:00Z","nextStepAt":"2024-04-24T01:00:00Z","stepsDone":4,"standsAt":"2024-04-12T02:00:00Z",
                     "rehearsal":{"wallOrigin":"2025-06-02T02:00:00Z","businessOrigin":"2024-04-12T02:00:00Z","speed":0,"isLive":false,"isManual":true,"isRehearsal":true}},
         "nextDeadline":"2024-04-30T17:00:00Z","nextDeadlineText":"trước ngày 01/05/2024","blocks":[],"deliverables":[],"rounds":[],
         "rehearsal":{"mode":"step","speed":0,"now":"2024-04-12T02:00:00Z","nowText":"12/04/2024 09:00","precision":"Diễn tập từng bước: mỗi mốc được xử lý đúng thời điểm của nó."}}
        """;

    private const string SlidingCycle = """
        {"id":"bg-nhanh","title":"Kế hoạch","planNumber":"12/KH","runtimeStatus":"running","createdAt":"2025-06-02T02:00:00Z","lastUpdatedAt":"2025-06-02T02:00:00Z",
         "progress":{"phaseLabel":"Đang thu báo cáo, hồ sơ","expected":1,"remindersSent":0,"mailsWithheld":0,"nextStepAt":"2024-04-24T01:00:00Z",
                     "rehearsal":{"wallOrigin":"2025-06-02T02:00:00Z","businessOrigin":"2024-03-11T01:00:00Z","speed":200000}},
         "blocks":[],"deliverables":[],"rounds":[],
         "rehearsal":{"mode":"sliding","speed":200000,"now":"2024-03-20T05:30:00Z","nowText":"20/03/2024 12:30",
                      "precision":"Diễn tập nhanh gấp 200.000 lần: các mốc có thể chậm tới khoảng 2 ngày 7 giờ so với kế hoạch; thư không còn đúng sẽ không được gửi."}}
        """;

    private const string LiveCycle = """
        {"id":"bg-2024","title":"Kế hoạch","planNumber":"12/KH","runtimeStatus":"running","createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-03-11T02:00:00Z",
         "progress":{"phaseLabel":"Đang thu báo cáo, hồ sơ","expected":1,"remindersSent":2,"nextStepAt":"2024-04-24T01:00:00Z","rehearsal":null},
         "blocks":[],"deliverables":[],"rounds":[],"rehearsal":null}
        """;

    private static async Task<(int Code, string Output, string Error)> Run(StubHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, name => name == "WORKFLOW_OPERATOR_KEY" ? "khoa" : null, handler);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static StubHandler Answer(HttpStatusCode status, string body, string contentType = "application/json") =>
        new((_, _) => (status, body, contentType));

    [Fact]
    public async Task Start_Stepped_SendsTheModeAndTheInstantInIso()
    {
        var plan = Path.GetTempFileName();
        await File.WriteAllTextAsync(plan, """{"id":"ke-hoach"}""");
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg-dien-tap"}""");

        var (code, output, _) = await Run(handler, "start", plan, "--id", "bg-dien-tap", "--rehearsal", "step", "--from", "11/03/2024 08:00");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/cycles?id=bg-dien-tap&rehearsal=step&from=2024-03-11T01%3A00%3A00Z", request.RequestUri!.PathAndQuery);
        Assert.Equal("""{"id":"ke-hoach"}""", body);
        Assert.Contains("Diễn tập từng bước từ 11/03/2024 08:00", output, StringComparison.Ordinal);
        Assert.Contains("«[DIỄN TẬP]»", output, StringComparison.Ordinal);
        Assert.Contains("Chuyển tới mốc kế tiếp: workflow advance bg-dien-tap", output, StringComparison.Ordinal);
        File.Delete(plan);
    }

    [Fact]
    public async Task Start_Sliding_WithoutFrom_SendsOnlyTheSpeed()
    {
        var plan = Path.GetTempFileName();
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg"}""");

        var (code, output, _) = await Run(handler, "start", plan, "--rehearsal", "200000");

        Assert.Equal(0, code);
        Assert.Equal("/api/cycles?rehearsal=200000", Assert.Single(handler.Requests).Request.RequestUri!.PathAndQuery);
        Assert.Contains("nhanh gấp 200.000 lần", output, StringComparison.Ordinal);
        Assert.DoesNotContain("workflow advance", output, StringComparison.Ordinal);
        File.Delete(plan);
    }

    [Fact]
    public async Task Start_BadRehearsal_IsAUsageError_WithoutCallingTheHost()
    {
        var handler = Answer(HttpStatusCode.Accepted, "{}");

        var (code, _, error) = await Run(handler, "start", "plan.json", "--rehearsal", "nhanh");

        Assert.Equal(2, code);
        Assert.Empty(handler.Requests);
        Assert.Contains("Diễn tập không hợp lệ: «nhanh»", error, StringComparison.Ordinal);
        Assert.Contains("Cách dùng: workflow start", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_WithoutTo_PostsNoBody()
    {
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg","action":"advance","reason":"24/04/2024 08:00"}""");

        var (code, output, _) = await Run(handler, "advance", "bg");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:7071/api/cycles/bg/rehearsal/advance", request.RequestUri!.ToString());
        Assert.Equal(["khoa"], request.Headers.GetValues("X-Api-Key"));
        Assert.Null(body);
        Assert.Contains("✓ Đã yêu cầu chuyển diễn tập bg tới 24/04/2024 08:00 (mốc kế tiếp).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_To_PostsTheInstantInUtc()
    {
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg","action":"advance","reason":"12/04/2024 09:00"}""");

        var (code, output, _) = await Run(handler, "advance", "bg", "--to", "12/04/2024 09:00");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(body!);
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 2, 0, 0, TimeSpan.Zero), json.RootElement.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, json.RootElement.GetProperty("to").GetDateTimeOffset().Offset);
        Assert.Contains("✓ Đã yêu cầu chuyển diễn tập bg tới 12/04/2024 09:00.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_OfALiveCycle_ShowsTheHostsProblem()
    {
        var handler = Answer(HttpStatusCode.Conflict,
            """{"title":"Kỳ báo cáo «bg» không phải diễn tập theo từng bước; thời gian của nó tự trôi.","status":409}""", "application/problem+json");

        var (code, _, error) = await Run(handler, "advance", "bg");

        Assert.Equal(1, code);
        Assert.Equal("✗ Kỳ báo cáo «bg» không phải diễn tập theo từng bước; thời gian của nó tự trôi. (HTTP 409)\n", error);
    }

    [Fact]
    public async Task Status_OfASteppedRehearsal_ShowsModeNowPrecisionNextStepAndWithheldMails()
    {
        var (code, output, _) = await Run(Answer(HttpStatusCode.OK, SteppedCycle), "status", "bg-dien-tap");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        var rehearsal = Array.FindIndex(lines, l => l.StartsWith("DIỄN TẬP", StringComparison.Ordinal));
        Assert.Equal(2, rehearsal);
        Assert.Equal(
            "DIỄN TẬP — từng bước (thời gian đứng yên cho tới khi được chuyển tiếp) · thời gian của chu kỳ: 12/04/2024 09:00 · Diễn tập từng bước: mỗi mốc được xử lý đúng thời điểm của nó.",
            lines[rehearsal]);
        Assert.Equal("  Mốc kế tiếp: 24/04/2024 08:00 — chuyển tới: workflow advance bg-dien-tap (hoặc --to \"dd/MM/yyyy HH:mm\")", lines[rehearsal + 1]);
        Assert.Contains("Đã gửi 7 thư nhắc; thư không gửi vì không còn đúng: 3; 0 lần gia hạn", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OfASlidingRehearsal_ShowsItsSpeedAndPrecision_AndNoAdvanceHint()
    {
        var (_, output, _) = await Run(Answer(HttpStatusCode.OK, SlidingCycle), "status", "bg-nhanh");

        Assert.Contains(
            "DIỄN TẬP — nhanh gấp 200.000 lần thời gian thực · thời gian của chu kỳ: 20/03/2024 12:30 · Diễn tập nhanh gấp 200.000 lần: các mốc có thể chậm tới khoảng 2 ngày 7 giờ so với kế hoạch; thư không còn đúng sẽ không được gửi.",
            output, StringComparison.Ordinal);
        Assert.DoesNotContain("Mốc kế tiếp", output, StringComparison.Ordinal);
        Assert.DoesNotContain("không còn đúng:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OfALiveCycle_SaysNothingAboutRehearsals()
    {
        var (_, output, _) = await Run(Answer(HttpStatusCode.OK, LiveCycle), "status", "bg-2024");

        Assert.DoesNotContain("DIỄN TẬP", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Mốc kế tiếp", output, StringComparison.Ordinal);
        Assert.Contains("Đã gửi 2 thư nhắc; 0 lần gia hạn", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithoutTheRehearsalBlock_FallsBackToTheProgressClock()
    {
        var cycle = SteppedCycle.Replace("\"rehearsal\":{\"mode\"", "\"ignored\":{\"mode\"", StringComparison.Ordinal);

        var (_, output, _) = await Run(Answer(HttpStatusCode.OK, cycle), "status", "bg-dien-tap");

        Assert.Contains("DIỄN TẬP — từng bước (thời gian đứng yên cho tới khi được chuyển tiếp) · thời gian của chu kỳ: 12/04/2024 09:00\n", output, StringComparison.Ordinal);
        Assert.Contains("Mốc kế tiếp: 24/04/2024 08:00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MarksRehearsals()
    {
        var handler = Answer(HttpStatusCode.OK, """
            {"items":[{"id":"a","title":"Kế hoạch A","planNumber":"1/KH","runtimeStatus":"running","createdAt":"2024-01-01T00:00:00Z","lastUpdatedAt":"2024-01-01T00:00:00Z",
                       "progress":{"expected":1,"rehearsal":{"wallOrigin":"2025-06-02T02:00:00Z","businessOrigin":"2024-03-11T01:00:00Z","speed":0}}},
                      {"id":"b","title":"Kế hoạch B","planNumber":"2/KH","runtimeStatus":"running","createdAt":"2024-01-01T00:00:00Z","lastUpdatedAt":"2024-01-01T00:00:00Z",
                       "progress":{"expected":1,"rehearsal":null}}],"continuationToken":null}
            """);

        var (_, output, _) = await Run(handler, "list");

        var lines = output.Split('\n');
        Assert.Contains("[DIỄN TẬP] 1/KH — Kế hoạch A", lines.Single(l => l.StartsWith("a ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("DIỄN TẬP", lines.Single(l => l.StartsWith("b ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheAdvanceVerb()
    {
        var (code, output, _) = await Run(Answer(HttpStatusCode.OK, "{}"), "help");

        Assert.Equal(0, code);
        Assert.Contains("workflow advance <mã-chu-kỳ> [--to \"dd/MM/yyyy[ HH:mm]\"]", output, StringComparison.Ordinal);
        Assert.Contains("--rehearsal step|<tốc-độ>", output, StringComparison.Ordinal);
    }
}
