using System.Net;
using System.Text.Json;

namespace Workflow.Cli.Tests;

/// <summary>What a plan leaves for later, from the command line: dating a round, setting a quota's numbers, and the status that shows both.</summary>
public sealed class SetLaterCliTests
{
    private const string Cycle = """
        {"id":"bg-2024","title":"Kế hoạch tổng kết","planNumber":"12/KH-BCĐ","issuer":"BCĐ tỉnh","runtimeStatus":"running",
         "createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-06-02T03:30:00Z",
         "progress":{"phase":"collecting","phaseLabel":"Thu nhận báo cáo","expected":3,"onTime":1,"late":0,"missing":0,"pending":0,"notRequired":2,
                     "nominationsReceived":2,"nominationsAccepted":0,"nominationsRejected":0,"remindersSent":7,"extensions":0},
         "blocks":[{"id":"huyen","name":"Ban Chỉ đạo cấp huyện","expected":3,"onTime":1,"late":0,"missing":0,"pending":0,"notRequired":2}],
         "deliverables":[{"id":"tong-ket","title":"Báo cáo tổng kết tháng 5","deadlineText":"trong tháng 05/2024","lastAcceptedText":"31/05/2024 23:59","latePolicy":"accept-and-mark-late","optional":true}],
         "rounds":[{"id":"gk","title":"Giấy khen","awardLevel":"police-director-certificate","deadlineText":"trước ngày 01/04/2024","pickedFrom":null,
                    "runtimeStatus":"running","received":2,"accepted":0,"refused":0,"lateRejected":0,"state":"awaiting-quotas","stateText":"Chờ chỉ tiêu","optional":true,
                    "pendingQuotas":[{"id":"chi-tieu-bo","description":"Số lượng theo chỉ tiêu Bộ Công an giao"}]},
                   {"id":"gk-bo-sung","title":"Giấy khen (bổ sung)","awardLevel":"police-director-certificate","deadlineText":"Chưa ấn định thời hạn","pickedFrom":null,
                    "runtimeStatus":null,"received":0,"accepted":0,"refused":0,"lateRejected":0,"state":"undated","stateText":"Chưa ấn định thời hạn","optional":false,"pendingQuotas":[]}]}
        """;

    private static async Task<(int Code, string Output, string Error, StubHandler Handler)> Run(StubHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, name => name == "WORKFLOW_OPERATOR_KEY" ? "khoa-thu" : null, handler);
        return (code, output.ToString(), error.ToString(), handler);
    }

    private static StubHandler Answer(HttpStatusCode status, string body) => new((_, _) => (status, body, "application/json"));

    [Fact]
    public async Task Status_ShowsRoundsWaitingForQuotasOrADate_AndOptionalSubjectsApart()
    {
        var (code, output, _, _) = await Run(Answer(HttpStatusCode.OK, Cycle), "status", "bg-2024");

        Assert.Equal(0, code);
        Assert.Contains("Tiến độ: đã nộp 1/3 (33%) — đúng hạn 1, muộn 0, quá hạn chưa nộp 0, chưa nộp (còn hạn) 0, không bắt buộc, không nộp 2", output, StringComparison.Ordinal);
        // The blocks' table counts the optional subjects in a column of their own: none pending, 2 not required.
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Matches(@"Chưa nộp\s+Không bắt buộc\s*$", lines.Single(l => l.StartsWith("Khối ", StringComparison.Ordinal)));
        Assert.Matches(@"33%\s+1/3\s+1\s+0\s+0\s+0\s+2\s*$", lines.Single(l => l.StartsWith("Ban Chỉ đạo cấp huyện ", StringComparison.Ordinal)));
        Assert.Contains("Báo cáo tổng kết tháng 5 (không bắt buộc): trong tháng 05/2024", output, StringComparison.Ordinal);
        Assert.Contains("Giấy khen của Giám đốc Công an tỉnh — Giấy khen (hạn trước ngày 01/04/2024, không bắt buộc, chờ chỉ tiêu): nhận 2", output, StringComparison.Ordinal);
        Assert.Contains("Chờ chỉ tiêu: chi-tieu-bo (Số lượng theo chỉ tiêu Bộ Công an giao) — nhập: workflow quota bg-2024 --round gk --quota <mã>", output, StringComparison.Ordinal);
        Assert.Contains("Giấy khen của Giám đốc Công an tỉnh — Giấy khen (bổ sung) (chưa ấn định thời hạn): nhận 0", output, StringComparison.Ordinal);
        Assert.Contains("Ấn định thời hạn: workflow date bg-2024 --round gk-bo-sung --before yyyy-MM-dd", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quota_PutsTheNumbersWithWhoAndWhy()
    {
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg-2024","round":"gk","quota":"chi-tieu-bo","numbersText":"tổng số tối đa 3; thuộc lực lượng Công an ít nhất 1","stillPending":[]}""");

        var (code, output, _, _) = await Run(handler, "quota", "bg-2024", "--round", "gk", "--quota", "chi-tieu-bo", "--max", "3", "--min-police", "1",
            "--by-whom", "Phòng PV01", "--reason", "Văn bản số 12/BCA-X03");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("http://127.0.0.1:7071/api/cycles/bg-2024/rounds/gk/quotas/chi-tieu-bo", request.RequestUri!.ToString());
        using var json = JsonDocument.Parse(body!);
        Assert.Equal(
            """{"max":3,"minPolice":1,"requestedBy":"Phòng PV01","reason":"Văn bản số 12/BCA-X03"}""",
            JsonSerializer.Serialize(json.RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("✓ Đã nhập chỉ tiêu «chi-tieu-bo» của đợt «gk» (chu kỳ bg-2024): tổng số tối đa 3; thuộc lực lượng Công an ít nhất 1; đợt sẽ được xét với các số lượng này.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cần ít nhất một số lượng: --max, --max-collective, --max-individual, --min-police, --max-police.", "bg", "--round", "gk", "--quota", "q", "--by-whom", "p", "--reason", "r")]
    [InlineData("Số lượng không hợp lệ cho --max: «-1» (cần số nguyên không âm).", "bg", "--round", "gk", "--quota", "q", "--max=-1", "--by-whom", "p", "--reason", "r")]
    [InlineData("Cần nêu mã chỉ tiêu (--quota).", "bg", "--round", "gk", "--max", "1", "--by-whom", "p", "--reason", "r")]
    [InlineData("Cần nêu căn cứ, lý do (--reason), ví dụ số văn bản giao chỉ tiêu.", "bg", "--round", "gk", "--quota", "q", "--max", "1", "--by-whom", "p")]
    public async Task Quota_Malformed_SaysWhatIsWrong_AndSendsNothing(string expected, params string[] args)
    {
        var handler = Answer(HttpStatusCode.Accepted, "{}");

        var (code, _, error, _) = await Run(handler, ["quota", .. args]);

        Assert.Equal(2, code);
        Assert.Contains($"✗ {expected}", error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Date_PostsTheFirstChangeForTheRound_ForAllItsProposers()
    {
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg-2024","subject":"gk-bo-sung","newDeadlineText":"trước ngày 01/06/2024","lastAcceptedText":"31/05/2024 23:59","units":[],"datesRound":true}""");

        var (code, output, _, _) = await Run(handler, "date", "bg-2024", "--round", "gk-bo-sung", "--before", "2024-06-01", "--by-whom", "Phòng PV01", "--reason", "Công văn số 5");

        Assert.Equal(0, code);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:7071/api/cycles/bg-2024/extensions", request.RequestUri!.ToString());
        using var json = JsonDocument.Parse(body!);
        Assert.Equal(
            """{"subject":"gk-bo-sung","newDeadline":{"semantics":"before","date":"2024-06-01"},"units":[],"requestedBy":"Phòng PV01","reason":"Công văn số 5"}""",
            JsonSerializer.Serialize(json.RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("✓ Đã gửi yêu cầu ấn định thời hạn đợt «gk-bo-sung» của chu kỳ bg-2024: trước ngày 01/06/2024 (nhận đến 31/05/2024 23:59), áp dụng cho mọi đơn vị được đề nghị.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_OfARoundThatIsDatedAlready_SaysItWasTakenAsAnExtension()
    {
        var handler = Answer(HttpStatusCode.Accepted, """{"id":"bg-2024","subject":"gk","newDeadlineText":"trước ngày 01/06/2024","lastAcceptedText":"31/05/2024 23:59","units":[],"datesRound":false}""");

        var (code, output, _, _) = await Run(handler, "date", "bg-2024", "--round", "gk", "--within-month", "2024-05", "--by-whom", "p", "--reason", "r");

        Assert.Equal(0, code);
        Assert.Contains("đã có thời hạn; yêu cầu được gửi như một lần gia hạn: trong tháng 05/2024", output, StringComparison.Ordinal);
    }
}
