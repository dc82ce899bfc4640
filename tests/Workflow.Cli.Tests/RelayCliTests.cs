using System.Net;
using System.Text.Json;

namespace Workflow.Cli.Tests;

/// <summary>The relay verbs against canned answers: their help, what they send, and how they show answers and problems.</summary>
public sealed class RelayCliTests
{
    private const string Started = """
        {"cycleId":"bg.yen-the","url":"http://127.0.0.1:7071/api/cycles/bg.yen-the","parentCycleId":"bg","relayUnitId":"yen-the",
         "title":"Kế hoạch tổng kết (triển khai tại BCĐ huyện Yên Thế)","units":30,
         "deliverables":[{"id":"bao-cao","title":"Báo cáo tổng kết","kind":"report","deadlineText":"trước ngày 25/04/2024","lastAcceptedText":"24/04/2024 23:59","latePolicy":"accept-and-mark-late"}]}
        """;

    private const string Draft = """
        {"subCycleId":"bg.yen-the","parentCycleId":"bg","relayUnitId":"yen-the","deliverableId":"bao-cao","title":"Báo cáo tổng kết",
         "base":{"expected":30,"onTime":26,"late":2,"missing":2,"submitted":28},"baseText":"BCĐ huyện Yên Thế: 28/30 đơn vị cơ sở đã nộp (2 nộp muộn, 2 chưa nộp)",
         "figures":[{"form":"bieu-01","field":"so-vu","label":"Số vụ việc về ANTT","value":"1.234"},{"form":"bieu-01","field":"chua-dat","label":"Đơn vị chưa đạt","value":"3 dòng"}],
         "statistics":{"forms":{"bieu-01":{"so-vu":{"number":1234},"chua-dat":{"rows":[{"nam":"2023"}]},"co-mo-hinh":{"flag":true}}},"rollUp":null}}
        """;

    private const string Receipt = """
        {"outcome":"accepted-on-time","receiptNumber":"BG-2024-000123","receivedAt":"2024-04-26T02:00:00Z","receivedAtText":"26/04/2024 09:00:00",
         "version":1,"late":false,"sha256":"ab","fileName":"bao-cao.pdf","files":[{"form":null,"title":"Báo cáo","fileName":"bao-cao.pdf","receiptNumber":"BG-2024-000123","version":1,"sha256":"ab"}]}
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

    [Theory]
    [InlineData("relays", "relays <mã-chu-kỳ>")]
    [InlineData("relay-plan", "relay-plan <mã-chu-kỳ> <đơn-vị-trung-gian> --deadline <nội-dung>=<yyyy-MM-dd>")]
    [InlineData("rollup", "rollup <kỳ-cấp-dưới> <nội-dung> [--file <báo-cáo.pdf>")]
    [InlineData("forward", "forward <kỳ-cấp-dưới> <đợt>")]
    public async Task Help_OfEachRelayVerb_ShowsItsUsage_AndTheGeneralUsageListsIt(string verb, string usage)
    {
        var handler = Answer(HttpStatusCode.OK, "{}");

        var (code, output, _) = await Run(handler, verb, "--help");
        var (_, general, _) = await Run(handler, "help");

        Assert.Equal(0, code);
        Assert.StartsWith($"workflow {usage}", output, StringComparison.Ordinal);
        Assert.Contains($"  workflow {usage}", general, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(new[] { "relay-plan", "bg" }, "Cần mã chu kỳ và mã đơn vị trung gian.")]
    [InlineData(new[] { "relay-plan", "bg", "yen-the" }, "Cần ít nhất một --deadline")]
    [InlineData(new[] { "relay-plan", "bg", "yen-the", "--deadline", "bao-cao" }, "--deadline không hợp lệ: «bao-cao»")]
    [InlineData(new[] { "relay-plan", "bg", "yen-the", "--deadline", "bao-cao=25/04/2024" }, "Ngày không hợp lệ cho «bao-cao»: «25/04/2024»")]
    [InlineData(new[] { "relay-plan", "bg", "yen-the", "--deadline", "bao-cao=2024-04-25", "--semantics", "within" }, "--semantics không hợp lệ: «within»")]
    [InlineData(new[] { "relay-plan", "bg", "yen-the", "--deadline", "a=2024-04-25", "--deadline", "a=2024-04-20" }, "Hạn của «a» được nêu hai lần.")]
    [InlineData(new[] { "relays" }, "Cần đúng một mã chu kỳ.")]
    [InlineData(new[] { "forward", "bg.yen-the" }, "Cần mã kỳ báo cáo cấp dưới và mã đợt.")]
    [InlineData(new[] { "rollup", "bg.yen-the" }, "Cần mã kỳ báo cáo cấp dưới và mã nội dung phải nộp.")]
    [InlineData(new[] { "rollup", "bg.yen-the", "bao-cao", "--set", "bieu-01.so-vu=12" }, "--set chỉ dùng khi gửi báo cáo: thêm --file <báo-cáo>.")]
    [InlineData(new[] { "rollup", "bg.yen-the", "bao-cao", "--file", "a.pdf", "--set", "so-vu=12" }, "--set không hợp lệ: «so-vu=12»")]
    [InlineData(new[] { "rollup", "bg.yen-the", "bao-cao", "--file", "a.pdf", "--set", "bieu-01.so-vu=12" }, "Số liệu «bieu-01.so-vu» được sửa nhưng chưa có lý do")]
    [InlineData(new[] { "rollup", "bg.yen-the", "bao-cao", "--file", "a.pdf", "--form", "phu-luc" }, "--form không hợp lệ: «phu-luc»")]
    public async Task AMalformedCommandLine_IsAUsageError_WithoutCallingTheHost(string[] args, string message)
    {
        var handler = Answer(HttpStatusCode.OK, "{}");

        var (code, _, error) = await Run(handler, args);

        Assert.Equal(2, code);
        Assert.Empty(handler.Requests);
        Assert.Contains($"✗ {message}", error, StringComparison.Ordinal);
        Assert.Contains($"Cách dùng: workflow {args[0]}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelayPlan_PostsTheRequest_AndPrintsTheSubCycleWithItsDeadlines()
    {
        var handler = Answer(HttpStatusCode.Accepted, Started);

        var (code, output, _) = await Run(handler, "relay-plan", "bg", "yen-the", "--deadline", "bao-cao=2024-04-25", "--deadline", "giay-khen=2024-04-10",
            "--semantics", "by", "--number", "12/KH-BCĐ");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/cycles/bg/relays/yen-the/plan", request.RequestUri!.AbsolutePath);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(["khoa"], request.Headers.GetValues("X-Api-Key"));
        using var json = JsonDocument.Parse(body!);
        Assert.Equal("12/KH-BCĐ", json.RootElement.GetProperty("number").GetString());
        var deadlines = json.RootElement.GetProperty("deadlines");
        Assert.Equal(("by", "2024-04-25"), (deadlines.GetProperty("bao-cao").GetProperty("semantics").GetString(), deadlines.GetProperty("bao-cao").GetProperty("date").GetString()));
        Assert.Equal("2024-04-10", deadlines.GetProperty("giay-khen").GetProperty("date").GetString());
        Assert.Equal(
            """
            ✓ Đã ban hành kế hoạch cấp mình của «yen-the» (chu kỳ cấp trên bg): kỳ báo cáo bg.yen-the.
              Kế hoạch tổng kết (triển khai tại BCĐ huyện Yên Thế)
              30 đơn vị trực thuộc nhận kế hoạch.
              Nội dung phải nộp:
                Báo cáo tổng kết: trước ngày 25/04/2024 (nhận đến 24/04/2024 23:59)
              Theo dõi: workflow status bg.yen-the

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task RelayPlan_WithAFile_SendsIt_WithTheCommandLinesDeadlinesOverIt()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """
            {"number":"1/KH","deadlines":{"bao-cao":{"semantics":"before","date":"2024-04-20"},"giay-khen":{"semantics":"before","date":"2024-04-01"}},
             "units":[{"id":"truong-thpt","name":"Trường THPT Yên Thế","block":"truong"}],"reminders":{"daysBefore":[3]}}
            """);
        var handler = Answer(HttpStatusCode.Accepted, Started);

        var (code, _, _) = await Run(handler, "relay-plan", "bg", "yen-the", "--file", file, "--deadline", "bao-cao=2024-04-25");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        var root = json.RootElement;
        Assert.Equal("1/KH", root.GetProperty("number").GetString());
        Assert.Equal("2024-04-25", root.GetProperty("deadlines").GetProperty("bao-cao").GetProperty("date").GetString());
        Assert.Equal("2024-04-01", root.GetProperty("deadlines").GetProperty("giay-khen").GetProperty("date").GetString());
        Assert.Equal("truong-thpt", root.GetProperty("units")[0].GetProperty("id").GetString());
        Assert.Equal(3, root.GetProperty("reminders").GetProperty("daysBefore")[0].GetInt32());
        File.Delete(file);
    }

    [Fact]
    public async Task RelayPlan_ADeadlineNotBeforeTheRelays_ShowsTheHostsProblemWithItsField()
    {
        var handler = Answer(HttpStatusCode.BadRequest, """
            {"title":"Kế hoạch của cấp mình có 1 lỗi; sửa tất cả rồi gửi lại.","status":400,
             "errors":[{"field":"$.deadlines.bao-cao","message":"Thời hạn nộp «Báo cáo tổng kết» phải trước hạn của cấp mình với cấp trên."}]}
            """, "application/problem+json");

        var (code, _, error) = await Run(handler, "relay-plan", "bg", "yen-the", "--deadline", "bao-cao=2024-05-10");

        Assert.Equal(1, code);
        Assert.Equal(
            "✗ Kế hoạch của cấp mình có 1 lỗi; sửa tất cả rồi gửi lại. (HTTP 400)\n  - $.deadlines.bao-cao: Thời hạn nộp «Báo cáo tổng kết» phải trước hạn của cấp mình với cấp trên.\n",
            error);
    }

    [Fact]
    public async Task Relays_ShowsEachRelay_IssuedOrNot()
    {
        var handler = Answer(HttpStatusCode.OK, """
            [{"unitId":"yen-the","name":"BCĐ huyện Yên Thế","unitsUnder":30,"subCycleId":"bg.yen-the","runtimeStatus":"running","phaseLabel":"Đang thu báo cáo, hồ sơ",
              "expected":30,"onTime":26,"late":2,"missing":2,"text":"BCĐ huyện Yên Thế: 28/30 lượt nộp của đơn vị cơ sở (2 muộn)"},
             {"unitId":"son-dong","name":"BCĐ huyện Sơn Động","unitsUnder":25,"subCycleId":null,"runtimeStatus":null,"phaseLabel":null,
              "expected":25,"onTime":0,"late":0,"missing":0,"text":"BCĐ huyện Sơn Động: chưa ban hành kế hoạch cấp mình"}]
            """);

        var (code, output, _) = await Run(handler, "relays", "bg");

        Assert.Equal(0, code);
        Assert.Equal("/api/cycles/bg/relays", Assert.Single(handler.Requests).Request.RequestUri!.AbsolutePath);
        var lines = output.Split('\n');
        Assert.StartsWith("Đơn vị", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^BCĐ huyện Yên Thế\s+30\s+bg\.yen-the\s+Đang thu báo cáo, hồ sơ\s+28/30 \(93%\), muộn 2, quá hạn 2$", lines[1]);
        Assert.Matches(@"^BCĐ huyện Sơn Động\s+25\s+chưa ban hành\s+—\s+—$", lines[2]);
        Assert.Equal("2 đơn vị trung gian, 1 đã ban hành kế hoạch cấp mình.", lines[3]);
        Assert.Equal("  Ban hành: workflow relay-plan bg <đơn-vị> --deadline <nội-dung>=yyyy-MM-dd", lines[4]);
    }

    [Fact]
    public async Task RollUp_WithoutAFile_ShowsThePrefilledFiguresAndTheBase()
    {
        var handler = Answer(HttpStatusCode.OK, Draft);

        var (code, output, _) = await Run(handler, "rollup", "bg.yen-the", "bao-cao");

        Assert.Equal(0, code);
        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Get, "/api/cycles/bg.yen-the/rollups/bao-cao"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.Contains("Báo cáo «Báo cáo tổng kết» của «yen-the» lên chu kỳ bg, tổng hợp từ kỳ bg.yen-the", output, StringComparison.Ordinal);
        Assert.Contains("Đơn vị cơ sở: BCĐ huyện Yên Thế: 28/30 đơn vị cơ sở đã nộp (2 nộp muộn, 2 chưa nộp) — 93%", output, StringComparison.Ordinal);
        Assert.Contains("  bieu-01.so-vu     Số vụ việc về ANTT: 1.234\n", output, StringComparison.Ordinal);
        Assert.Contains("  bieu-01.chua-dat  Đơn vị chưa đạt: 3 dòng\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollUp_WithAFile_SendsThePrefilledStatisticsWithTheSetValues_AndTheReasonsAsCorrections()
    {
        var narrative = Path.Combine(Path.GetTempPath(), $"bao-cao-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(narrative, "%PDF-1.7\n%%EOF");
        var appendix = Path.Combine(Path.GetTempPath(), $"phu-luc-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(appendix, "xlsx");
        var parts = new Dictionary<string, (string? FileName, string Text)>();
        var handler = new StubHandler((request, _) =>
        {
            if (request.Method == HttpMethod.Get)
            {
                return (HttpStatusCode.OK, Draft, "application/json");
            }

            // Read while the request is still open: the client disposes its multipart body afterwards.
            foreach (var part in (MultipartFormDataContent)request.Content!)
            {
                var disposition = part.Headers.ContentDisposition!;
                parts[disposition.Name!.Trim('"')] = (disposition.FileName?.Trim('"'), part.ReadAsStringAsync().GetAwaiter().GetResult());
            }

            return (HttpStatusCode.Created, Receipt, "application/json");
        });

        var (code, output, _) = await Run(handler, "rollup", "bg.yen-the", "bao-cao", "--file", narrative,
            "--set", "bieu-01.so-vu=1240", "--reason", "bieu-01.so-vu=Bổ sung 6 vụ Công an huyện thụ lý", "--set", "bieu-01.co-mo-hinh=không",
            "--reason", "bieu-01.co-mo-hinh=Mô hình chưa được công nhận", "--form", $"phu-luc={appendix}");

        Assert.Equal(0, code);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("/api/cycles/bg.yen-the/rollups/bao-cao", handler.Requests[1].Request.RequestUri!.AbsolutePath);
        Assert.Equal(["file", "statistics", "corrections", "form:phu-luc"], parts.Keys);
        Assert.Equal(Path.GetFileName(narrative), parts["file"].FileName);
        Assert.Equal(Path.GetFileName(appendix), parts["form:phu-luc"].FileName);
        using var statistics = JsonDocument.Parse(parts["statistics"].Text);
        var form = statistics.RootElement.GetProperty("forms").GetProperty("bieu-01");
        Assert.Equal(1240, form.GetProperty("so-vu").GetProperty("number").GetDecimal());
        Assert.False(form.GetProperty("co-mo-hinh").GetProperty("flag").GetBoolean());
        Assert.Equal("2023", form.GetProperty("chua-dat").GetProperty("rows")[0].GetProperty("nam").GetString());
        Assert.False(statistics.RootElement.TryGetProperty("rollUp", out _));
        using var corrections = JsonDocument.Parse(parts["corrections"].Text);
        Assert.Equal("Bổ sung 6 vụ Công an huyện thụ lý", corrections.RootElement.GetProperty("bieu-01.so-vu").GetString());
        Assert.Contains("✓ Đã gửi báo cáo «Báo cáo tổng kết» lên chu kỳ bg: biên nhận số BG-2024-000123, lúc 26/04/2024 09:00:00, phiên bản 1, đúng hạn.", output, StringComparison.Ordinal);
        Assert.Contains("  Điều chỉnh so với số liệu tổng hợp (2), ghi kèm báo cáo:\n    bieu-01.so-vu: Bổ sung 6 vụ Công an huyện thụ lý\n", output, StringComparison.Ordinal);
        File.Delete(narrative);
        File.Delete(appendix);
    }

    [Fact]
    public async Task RollUp_WithAFileOnly_SendsNoStatistics_SoTheHostTakesThePrefilledOnes()
    {
        var narrative = Path.GetTempFileName();
        var names = new List<string>();
        var handler = new StubHandler((request, _) =>
        {
            if (request.Method == HttpMethod.Get)
            {
                return (HttpStatusCode.OK, Draft, "application/json");
            }

            names.AddRange(((MultipartFormDataContent)request.Content!).Select(p => p.Headers.ContentDisposition!.Name!.Trim('"')));
            return (HttpStatusCode.Created, Receipt, "application/json");
        });

        var (code, _, _) = await Run(handler, "rollup", "bg.yen-the", "bao-cao", "--file", narrative);

        Assert.Equal(0, code);
        Assert.Equal(["file"], names);
        File.Delete(narrative);
    }

    [Fact]
    public async Task RollUp_AWrongKindOfValue_IsAUsageError_BeforeSending()
    {
        var narrative = Path.GetTempFileName();
        var handler = Answer(HttpStatusCode.OK, Draft);

        var (code, _, error) = await Run(handler, "rollup", "bg.yen-the", "bao-cao", "--file", narrative, "--set", "bieu-01.so-vu=nhiều", "--reason", "bieu-01.so-vu=x");

        Assert.Equal(2, code);
        Assert.Single(handler.Requests);
        Assert.Contains("✗ «bieu-01.so-vu» là số: «nhiều» không phải số", error, StringComparison.Ordinal);
        File.Delete(narrative);
    }

    [Fact]
    public async Task RollUp_ACorrectionRefusedByTheHost_ShowsItsField()
    {
        var narrative = Path.GetTempFileName();
        var statistics = Path.GetTempFileName();
        await File.WriteAllTextAsync(statistics, """{"forms":{"bieu-01":{"so-vu":{"number":1240}}}}""");
        var handler = new StubHandler((request, _) => request.Method == HttpMethod.Get
            ? (HttpStatusCode.OK, Draft, "application/json")
            : (HttpStatusCode.BadRequest, """{"title":"Số liệu không hợp lệ.","status":400,"errors":[{"field":"corrections.bieu-01.so-vu","message":"«Số vụ việc về ANTT» khác số liệu tổng hợp (1234 → 1240); ghi lý do điều chỉnh."}]}""", "application/problem+json"));

        var (code, _, error) = await Run(handler, "rollup", "bg.yen-the", "bao-cao", "--file", narrative, "--statistics", statistics);

        Assert.Equal(1, code);
        Assert.Contains("  - corrections.bieu-01.so-vu: «Số vụ việc về ANTT» khác số liệu tổng hợp (1234 → 1240); ghi lý do điều chỉnh.", error, StringComparison.Ordinal);
        File.Delete(narrative);
        File.Delete(statistics);
    }

    [Fact]
    public async Task Forward_PrintsEachRow_AndExitsOneWhenTheParentRefusedAny()
    {
        var handler = Answer(HttpStatusCode.OK, """
            [{"nominationId":"n1","parentNominationId":"yen-the-n1","name":"Công an xã Đồng Lạc","accepted":true,"receiptNumber":"BG-2024-000200","problems":[]},
             {"nominationId":"n2","parentNominationId":"yen-the-n2","name":"Ông Nguyễn Văn A","accepted":false,"receiptNumber":null,"problems":["Quá chỉ tiêu cá nhân của huyện."]}]
            """);

        var (code, output, _) = await Run(handler, "forward", "bg.yen-the", "giay-khen");

        Assert.Equal(1, code);
        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "/api/cycles/bg.yen-the/forwards/giay-khen"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.Equal(
            "✓ Công an xã Đồng Lạc: cấp trên đã nhận, biên nhận số BG-2024-000200 (mã yen-the-n1)\n✗ Ông Nguyễn Văn A: cấp trên không nhận\n    - Quá chỉ tiêu cá nhân của huyện.\n"
            + "Đã gửi 2 đề nghị của đợt «giay-khen» lên cấp trên: nhận 1, không nhận 1.\n", output);
    }

    [Fact]
    public async Task Forward_NothingPicked_ShowsTheConflict()
    {
        var handler = Answer(HttpStatusCode.Conflict, """{"title":"Chưa có đề nghị nào được lựa chọn và xét trong chỉ tiêu của cấp mình để gửi lên cấp trên.","status":409}""", "application/problem+json");

        var (code, _, error) = await Run(handler, "forward", "bg.yen-the", "giay-khen");

        Assert.Equal(1, code);
        Assert.Equal("✗ Chưa có đề nghị nào được lựa chọn và xét trong chỉ tiêu của cấp mình để gửi lên cấp trên. (HTTP 409)\n", error);
    }

    [Fact]
    public async Task Status_OfASubCycle_NamesItsParent_AndOfAParent_ListsItsRelays()
    {
        var sub = Answer(HttpStatusCode.OK, """
            {"id":"bg.yen-the","title":"Kế hoạch (triển khai tại BCĐ huyện Yên Thế)","planNumber":"12/KH-BCĐ","runtimeStatus":"running",
             "createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-03-11T02:00:00Z","blocks":[],"deliverables":[],"rounds":[],
             "parent":{"parentCycleId":"bg","relayUnitId":"yen-the","relayName":"BCĐ huyện Yên Thế","lineage":["yen-the"]}}
            """);
        var parent = Answer(HttpStatusCode.OK, """
            {"id":"bg","title":"Kế hoạch","planNumber":"30/KH-BCĐ","runtimeStatus":"running","createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-03-11T02:00:00Z",
             "blocks":[],"deliverables":[],"rounds":[],
             "relays":[{"unitId":"yen-the","name":"BCĐ huyện Yên Thế","unitsUnder":30,"subCycleId":"bg.yen-the","runtimeStatus":"running","phaseLabel":"Đang thu báo cáo, hồ sơ",
                        "expected":30,"onTime":26,"late":2,"missing":2,"text":"BCĐ huyện Yên Thế: 28/30 lượt nộp của đơn vị cơ sở (2 muộn)"},
                       {"unitId":"son-dong","name":"BCĐ huyện Sơn Động","unitsUnder":25,"subCycleId":null,"expected":25,"onTime":0,"late":0,"missing":0,
                        "text":"BCĐ huyện Sơn Động: chưa ban hành kế hoạch cấp mình"}]}
            """);

        var (_, subOutput, _) = await Run(sub, "status", "bg.yen-the");
        var (_, parentOutput, _) = await Run(parent, "status", "bg");

        Assert.Equal("Kỳ báo cáo cấp dưới của BCĐ huyện Yên Thế, thuộc chu kỳ bg — cấp trên: workflow status bg", subOutput.Split('\n')[2]);
        Assert.DoesNotContain("Đơn vị trung gian", subOutput, StringComparison.Ordinal);
        Assert.Contains(
            "Đơn vị trung gian (2) — chi tiết: workflow relays bg\n  BCĐ huyện Yên Thế: 28/30 lượt nộp của đơn vị cơ sở (2 muộn) — kỳ bg.yen-the, đang thu báo cáo, hồ sơ\n  BCĐ huyện Sơn Động: chưa ban hành kế hoạch cấp mình\n",
            parentOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Kỳ báo cáo cấp dưới", parentOutput, StringComparison.Ordinal);
    }
}
