using System.Net;
using System.Text.Json;

namespace Workflow.Cli.Tests;

public sealed class CliAppTests
{
    private const string Cycle = """
        {"id":"bg-2024","title":"Kế hoạch tổng kết 10 năm","planNumber":"12/KH-BCĐ","issuer":"BCĐ tỉnh","runtimeStatus":"running",
         "createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-04-02T03:30:00Z","failure":{"errorType":"InvalidOperationException","errorMessage":"Không gửi được thư."},
         "progress":{"phase":"collecting","phaseLabel":"Thu nhận báo cáo","expected":12,"onTime":4,"late":0,"missing":0,"pending":8,
                     "nominations":{"received":2,"accepted":1,"rejected":1,"lateRejected":0,"picked":0,"pickedAccepted":0},"remindersSent":7,
                     "nextDeadline":"2024-04-30T17:00:00Z","nextDeadlineText":"trước ngày 01/05/2024","extensions":0},
         "nextDeadline":"2024-04-30T17:00:00Z","nextDeadlineText":"trước ngày 01/05/2024",
         "blocks":[{"id":"huyen","name":"Ban Chỉ đạo cấp huyện","expected":10,"onTime":5,"late":1,"missing":2,"pending":2},
                   {"id":"so-nganh","name":"Sở, ban, ngành","expected":2,"onTime":0,"late":0,"missing":0,"pending":2},
                   {"id":"pv","name":"Phòng nghiệp vụ","expected":0,"onTime":0,"late":0,"missing":0,"pending":0}],
         "deliverables":[{"id":"bao-cao","title":"Báo cáo tổng kết","deadlineText":"trước ngày 01/05/2024","lastAcceptedText":"30/04/2024 23:59","latePolicy":"accept-and-mark-late"}],
         "rounds":[{"id":"gk","title":"Giấy khen","awardLevel":"police-director-certificate","deadlineText":"trước ngày 01/04/2024","pickedFrom":null,
                    "runtimeStatus":"completed","received":2,"accepted":1,"refused":1,"lateRejected":1},
                   {"id":"bk","title":"Bằng khen","awardLevel":"province-chair-certificate","deadlineText":null,"pickedFrom":"gk",
                    "runtimeStatus":"completed","received":1,"accepted":1,"refused":0,"lateRejected":0}],
         "nominations":{"received":2,"accepted":1,"rejected":2,"lateRejected":1,"picked":1,"pickedAccepted":1}}
        """;

    private static async Task<(int Code, string Output, string Error, StubHandler Handler)> Run(
        StubHandler handler, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = environment ?? new Dictionary<string, string> { ["WORKFLOW_OPERATOR_KEY"] = "khoa-thu" };
        var code = await CliApp.RunAsync(args, output, error, name => env.GetValueOrDefault(name), handler);
        return (code, output.ToString(), error.ToString(), handler);
    }

    private static StubHandler Answer(HttpStatusCode status, string body, string contentType = "application/json") =>
        new((_, _) => (status, body, contentType));

    [Fact]
    public async Task Status_SendsTheKey_AndShowsBlocksDeadlinesAndRounds()
    {
        var (code, output, _, handler) = await Run(Answer(HttpStatusCode.OK, Cycle), null, "status", "bg-2024");

        Assert.Equal(0, code);
        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("http://127.0.0.1:7071/api/cycles/bg-2024", request.RequestUri!.ToString());
        Assert.Equal(["khoa-thu"], request.Headers.GetValues("X-Api-Key"));
        Assert.Contains("12/KH-BCĐ — Kế hoạch tổng kết 10 năm", output, StringComparison.Ordinal);
        Assert.Contains("Chu kỳ bg-2024: Đang chạy · giai đoạn: Thu nhận báo cáo", output, StringComparison.Ordinal);
        Assert.Contains("Lỗi: Không gửi được thư.", output, StringComparison.Ordinal);
        Assert.Contains("Hạn tiếp theo: 30/04/2024 23:59 (trước ngày 01/05/2024)", output, StringComparison.Ordinal);
        Assert.Contains("Tiến độ: đã nộp 6/12 (50%) — đúng hạn 5, muộn 1, quá hạn chưa nộp 2, chưa nộp (còn hạn) 4", output, StringComparison.Ordinal);
        // The blocks are a Spectre table now: the bar, then the share and the counts in their columns.
        Assert.Matches(@"Ban Chỉ đạo cấp huyện\s+█+\s+60%\s+6/10\s+5\s+1\s+2\s+2", output);
        Assert.Contains("Sở, ban, ngành", output, StringComparison.Ordinal);
        Assert.Matches(@"Phòng nghiệp vụ\s+không có báo cáo phải nộp trong kỳ này", output);
        Assert.Contains("Báo cáo tổng kết: trước ngày 01/05/2024 (nhận đến 30/04/2024 23:59); nộp muộn được nhận, đánh dấu muộn", output, StringComparison.Ordinal);
        Assert.Contains("Giấy khen của Giám đốc Công an tỉnh — Giấy khen (hạn trước ngày 01/04/2024, đã kết thúc): nhận 2, đạt 1, không đạt 1, từ chối do quá hạn 1", output, StringComparison.Ordinal);
        Assert.Contains("(lựa chọn từ đợt «gk», đã kết thúc): tỉnh chọn 1, đạt 1, không đạt 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_HeadlineNominations_AreTheHostsFigures_WithTheLateRefusalAndThePicksApart()
    {
        // The progress was written before the late dossier arrived; the host's figures from the rounds' rows count it.
        var (code, output, _, _) = await Run(Answer(HttpStatusCode.OK, Cycle), null, "status", "bg-2024");

        Assert.Equal(0, code);
        Assert.Contains("Hồ sơ khen thưởng: nhận 2, đạt 1, từ chối 2 (quá hạn 1); tỉnh chọn 1, đạt 1", output, StringComparison.Ordinal);
        Assert.Contains("Đã gửi 7 thư nhắc; 0 lần gia hạn", output, StringComparison.Ordinal);
        Assert.DoesNotContain("nhận 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostsThePlanWithTheId_ToTheUrlFromTheEnvironment()
    {
        var plan = Path.GetTempFileName();
        await File.WriteAllTextAsync(plan, """{"id":"ke-hoach"}""");
        var env = new Dictionary<string, string> { ["WORKFLOW_OPERATOR_KEY"] = "k", ["WORKFLOW_URL"] = "http://127.0.0.1:9000" };
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg-2024","statusQueryGetUri":"http://127.0.0.1:9000/api/cycles/bg-2024"}""");

        var (code, output, _, _) = await Run(handler, env, "start", plan, "--id", "bg-2024");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:9000/api/cycles?id=bg-2024", request.RequestUri!.ToString());
        Assert.Equal("""{"id":"ke-hoach"}""", body);
        Assert.Contains("✓ Đã bắt đầu chu kỳ bg-2024", output, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9000/dashboard/#cycle=bg-2024", output, StringComparison.Ordinal);
        File.Delete(plan);
    }

    [Fact]
    public async Task Start_InvalidPlan_PrintsTheProblemWithItsFields_AndFails()
    {
        var plan = Path.GetTempFileName();
        var handler = Answer(HttpStatusCode.BadRequest,
            """{"title":"Kế hoạch không hợp lệ.","status":400,"errors":[{"field":"units","message":"Danh sách đơn vị rỗng."}]}""",
            "application/problem+json");

        var (code, _, error, _) = await Run(handler, null, "start", plan);

        Assert.Equal(1, code);
        Assert.Equal("✗ Kế hoạch không hợp lệ. (HTTP 400)\n  - units: Danh sách đơn vị rỗng.\n", error.ReplaceLineEndings("\n"));
        File.Delete(plan);
    }

    [Fact]
    public async Task Extend_PostsTheRequestInTheApiShape()
    {
        var handler = Answer(HttpStatusCode.Accepted, "{}");

        var (code, output, _, _) = await Run(handler, null, "extend", "bg-2024", "--subject", "bao-cao", "--within-month", "2024-05",
            "--unit", "bcd-viet-yen", "--by-whom", "pv01", "--reason", "Mưa lũ", "--key", "khac", "--url", "http://127.0.0.1:7072/");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:7072/api/cycles/bg-2024/extensions", request.RequestUri!.ToString());
        Assert.Equal(["khac"], request.Headers.GetValues("X-Api-Key"));
        using var json = JsonDocument.Parse(body!);
        Assert.Equal(
            """{"subject":"bao-cao","newDeadline":{"semantics":"within-month","month":"2024-05"},"units":["bcd-viet-yen"],"requestedBy":"pv01","reason":"Mưa lũ"}""",
            JsonSerializer.Serialize(json.RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("trong tháng 05/2024, áp dụng cho 1 đơn vị (bcd-viet-yen)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_DownloadsEveryFile_UnderItsOwnNameOnly()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var handler = new StubHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/api/cycles/bg-2024/exports" => (HttpStatusCode.OK,
                """[{"name":"bg-2024/tong-hop.xlsx","url":"/api/cycles/bg-2024/exports/tong-hop.xlsx"},{"name":"../../bao-cao.csv","url":"http://127.0.0.1:7071/api/cycles/bg-2024/exports/bao-cao.csv"}]""",
                "application/json"),
            var path => (HttpStatusCode.OK, "nội dung " + path, "application/octet-stream"),
        });

        var (code, output, _, _) = await Run(handler, null, "export", "bg-2024", "--out", folder);

        Assert.Equal(0, code);
        Assert.Equal(["bao-cao.csv", "tong-hop.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal("nội dung /api/cycles/bg-2024/exports/tong-hop.xlsx", await File.ReadAllTextAsync(Path.Combine(folder, "tong-hop.xlsx")));
        Assert.Contains("✓ Đã tải 2 tệp", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Mails_ListsUndeliveredMails_WithTheirErrors_AndResendsOneByKey()
    {
        var handler = new StubHandler((request, _) => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/api/cycles/bg-2024/mails") => (HttpStatusCode.OK,
                """[{"key":"bg-2024:receipt:BG-000007","state":"failed","stateText":"Gửi thất bại","recipients":"vanphong@hiephoa.example","subject":"Giấy biên nhận BG-000007","recordedAt":"2024-04-24T01:00:00Z","recordedAtText":"24/04/2024 08:00","attempts":10,"nextAttemptAt":null,"nextAttemptText":null,"lastError":"Nhà cung cấp thư từ chối (503)"},"""
                + """{"key":"bg-2024:bcd-viet-yen:bao-cao:reminder:3","state":"queued","stateText":"Chờ gửi lại","recipients":"vanthu@vietyen.example","subject":"[Nhắc hạn] Báo cáo","recordedAt":"2024-04-24T01:00:00Z","recordedAtText":"24/04/2024 08:00","attempts":2,"nextAttemptAt":"2024-04-24T01:02:00Z","nextAttemptText":"24/04/2024 08:02","lastError":null}]""",
                "application/json"),
            ("POST", _) => (HttpStatusCode.Accepted,
                """{"key":"bg-2024:receipt:BG-000007","state":"queued","stateText":"Chờ gửi lại","recipients":"vanphong@hiephoa.example","subject":"Giấy biên nhận BG-000007","recordedAt":"2024-04-24T01:00:00Z","recordedAtText":"24/04/2024 08:00","attempts":0,"nextAttemptAt":"2024-04-24T02:00:00Z","nextAttemptText":"24/04/2024 09:00","lastError":null}""",
                "application/json"),
            _ => (HttpStatusCode.NotFound, "{}", "application/problem+json"),
        });

        var (code, output, _, _) = await Run(handler, null, "mails", "bg-2024", "--state", "failed");
        var (resendCode, resendOutput, _, _) = await Run(handler, null, "mails", "bg-2024", "--resend", "bg-2024:receipt:BG-000007");
        var (badCode, _, badError, _) = await Run(handler, null, "mails", "bg-2024", "--state", "lost");

        Assert.Equal((0, 0, 2), (code, resendCode, badCode));
        Assert.Equal("?state=failed", handler.Requests[0].Request.RequestUri!.Query);
        Assert.Contains("Gửi thất bại", output, StringComparison.Ordinal);
        Assert.Contains("Lỗi gần nhất: Nhà cung cấp thư từ chối (503)", output, StringComparison.Ordinal);
        Assert.Contains("24/04/2024 08:02", output, StringComparison.Ordinal);
        Assert.Contains("2 thư chưa gửi được, trong đó 1 thất bại", output, StringComparison.Ordinal);
        Assert.Equal("/api/cycles/bg-2024/mails/bg-2024:receipt:BG-000007/resend", Uri.UnescapeDataString(handler.Requests[1].Request.RequestUri!.AbsolutePath));
        Assert.Contains("✓ Đã yêu cầu gửi lại thư bg-2024:receipt:BG-000007", resendOutput, StringComparison.Ordinal);
        Assert.Contains("pending hoặc failed", badError, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task List_FollowsContinuationTokens()
    {
        var handler = new StubHandler((request, _) => (HttpStatusCode.OK, request.RequestUri!.Query switch
        {
            "" => """{"items":[{"id":"a","title":"Kế hoạch A","planNumber":"1/KH","runtimeStatus":"completed","createdAt":"2024-01-01T00:00:00Z","lastUpdatedAt":"2024-01-01T00:00:00Z","progress":null}],"continuationToken":"t 2"}""",
            _ => """{"items":[{"id":"b","title":"Kế hoạch B","planNumber":"2/KH","runtimeStatus":"suspended","createdAt":"2024-01-01T00:00:00Z","lastUpdatedAt":"2024-01-01T00:00:00Z","progress":{"expected":4,"onTime":1,"late":1,"nextDeadline":"2024-05-31T17:00:00Z","nextDeadlineText":"trong tháng 05/2024"}}],"continuationToken":null}""",
        }, "application/json"));

        var (code, output, _, _) = await Run(handler, null, "list");

        Assert.Equal(0, code);
        Assert.Equal("?continuationToken=t%202", handler.Requests[1].Request.RequestUri!.Query);
        Assert.Contains("Đã kết thúc", output, StringComparison.Ordinal);
        Assert.Contains("Tạm dừng", output, StringComparison.Ordinal);
        Assert.Contains("2/4 (50%)", output, StringComparison.Ordinal);
        Assert.Contains("31/05/2024 23:59 (trong tháng 05/2024)", output, StringComparison.Ordinal);
        Assert.Contains("2 chu kỳ.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKey_IsAUsageError_WithoutCallingTheHost()
    {
        var handler = Answer(HttpStatusCode.OK, "{}");

        var (code, _, error, _) = await Run(handler, new Dictionary<string, string>(), "list");

        Assert.Equal(2, code);
        Assert.Empty(handler.Requests);
        Assert.Contains("Thiếu khoá vận hành", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_AndMissingArguments_ExitWithTwo()
    {
        var handler = Answer(HttpStatusCode.OK, "{}");

        Assert.Equal(2, (await Run(handler, null, "xoa", "bg")).Code);
        Assert.Equal(2, (await Run(handler, null, "terminate", "bg")).Code);
        Assert.Equal(2, (await Run(handler, null, "status")).Code);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Validate_StillWorksOffline()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json");

        var (code, output, _, _) = await Run(Answer(HttpStatusCode.OK, "{}"), null, "validate", sample);

        Assert.Equal(0, code);
        Assert.Contains("hợp lệ", output, StringComparison.Ordinal);
        Assert.Contains("  247 đơn vị, 7 khối,", output, StringComparison.Ordinal);
        Assert.Contains("  2 đơn vị ban hành kế hoạch cho cấp dưới, 51 đơn vị cấp dưới: Ban Chỉ đạo huyện Yên Thế (24), Ban Chỉ đạo huyện Tân Yên (27)", output, StringComparison.Ordinal);
    }
}
