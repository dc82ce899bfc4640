using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Workflow.Domain.Serialization;
using Workflow.Email;

namespace Workflow.Api.Tests;

/// <summary>
/// A plan with everything real provinces write (issue 11), run end to end through the API as a stepped rehearsal on
/// the real engine and Azurite: a table in a form, a form for communes only, a file-only form with its template, an
/// optional round whose quota the province sets after it closed, a round the plan leaves undated and an operator
/// dates mid-cycle, and a milestone that reminds the operators and takes a snapshot everyone can cite.
/// </summary>
public sealed class PlanFeaturesCycleTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string CycleId = "tinh-nang-moi";
    private const string Cycle = $"/api/cycles/{CycleId}";
    private const string Template = "phu-luc-mo-hinh.xlsx";

    private static readonly string PlanText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plans", "tinh-nang-moi-2024.plan.json"));

    [Fact]
    public async Task EveryFeatureOfARealPlan_RunsToTheClose_AndTheWorkbookListsTheTableGroupedByYear()
    {
        await StartAsync();
        var tanAn = host.Unit(await host.TokenAsync("xa-tan-an", CycleId));
        var dongSon = host.Unit(await host.TokenAsync("xa-dong-son", CycleId));
        var tuPhap = host.Unit(await host.TokenAsync("so-tu-phap", CycleId));
        var hongThai = host.Unit(await host.TokenAsync("xa-hong-thai", CycleId));

        // The plan notice links the file-only form's template; the unit downloads it with its own link.
        var notice = host.Sink.Accepted.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == MessageKeys.PlanNotice(CycleId, "xa-tan-an"));
        Assert.Contains($"/api/unit/templates/{Template}", notice.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tanAn.GetAsync($"/api/unit/templates/{Template}")).StatusCode);

        await AdvanceAsync(Vn(3, 12, 10));

        // A commune fills the table, its commune-only form and returns the filled appendix: one receipt names both files.
        var receipt = await ApiHost.ReadAsync(await tanAn.PostAsync("/api/unit/reports/bao-cao", Report(
            Rows(("2022", "Trường THCS Tân An", "Tiêu chí 1"), ("2023", "Chợ Tân An", "Tiêu chí 2")), villages: 4, appendix: true)), HttpStatusCode.Created);
        Assert.Equal(["bao-cao.pdf", "phu-luc-tan-an.xlsx"], receipt.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).Order(StringComparer.Ordinal));

        // Every refusal names the row and column, the form or the file at fault, and nothing is stored.
        var (_, fields) = await ApiHost.ProblemAsync(await dongSon.PostAsync("/api/unit/reports/bao-cao", Report(Rows(("20x3", "Trạm y tế", "Tiêu chí 3")), villages: 2, appendix: true)), HttpStatusCode.BadRequest);
        Assert.Equal(["statistics.forms.bieu-01.chua-dat.rows[0].nam"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await dongSon.PostAsync("/api/unit/reports/bao-cao", Report(Rows(("2023", "Trạm y tế", "Tiêu chí 3")), villages: null, appendix: true)), HttpStatusCode.BadRequest);
        Assert.Equal(["statistics.forms.bieu-xa.so-thon"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await dongSon.PostAsync("/api/unit/reports/bao-cao", Report(Rows(("2023", "Trạm y tế", "Tiêu chí 3")), villages: 2, appendix: false)), HttpStatusCode.BadRequest);
        Assert.Equal(["form:phu-luc"], fields);
        await ApiHost.ReadAsync(await dongSon.PostAsync("/api/unit/reports/bao-cao", Report(Rows(("2023", "Trạm y tế", "Tiêu chí 3")), villages: 2, appendix: true)), HttpStatusCode.Created);

        // A department does not fill the communes' form.
        (_, fields) = await ApiHost.ProblemAsync(await tuPhap.PostAsync("/api/unit/reports/bao-cao", Report(Rows(("2022", "Phòng Hành chính", "Tiêu chí 1")), villages: 1, appendix: true)), HttpStatusCode.BadRequest);
        Assert.Equal(["statistics.forms.bieu-xa"], fields);
        await ApiHost.ReadAsync(await tuPhap.PostAsync("/api/unit/reports/bao-cao", Report(Rows(("2022", "Phòng Hành chính", "Tiêu chí 1")), villages: null, appendix: true)), HttpStatusCode.Created);

        // Proposing is optional; one commune proposes two collectives, before the province has its quota.
        await ApiHost.ReadAsync(await tanAn.PostAsync("/api/unit/nominations/giay-khen", Uploads.NominationForm(Uploads.Nomination("de-nghi-tan-an-01", "xa-tan-an"))), HttpStatusCode.Created);
        await ApiHost.ReadAsync(await tanAn.PostAsync("/api/unit/nominations/giay-khen", Uploads.NominationForm(Uploads.Nomination("de-nghi-tan-an-02", "xa-tan-an"))), HttpStatusCode.Created);

        // The undated round takes nothing yet, and says why.
        var undated = await tanAn.PostAsync("/api/unit/nominations/co-thi-dua", Uploads.NominationForm(Uploads.Nomination("co-tan-an", "xa-tan-an")));
        Assert.False(undated.IsSuccessStatusCode);
        Assert.Equal("application/problem+json", undated.Content.Headers.ContentType?.MediaType);
        Assert.Equal("undated", Round(await Detail(), "co-thi-dua").GetProperty("state").GetString());

        // The optional round's proposers are reminded before its close, never chased; it closes and waits for its quota.
        foreach (var step in new[] { Vn(3, 25, 8), Vn(3, 31, 8), Vn(4, 1), Vn(4, 2, 9) })
        {
            await AdvanceAsync(step);
        }

        var waiting = Round(await Detail(), "giay-khen");
        await ApiHost.Eventually(async () => Round(await Detail(), "giay-khen").GetProperty("state").GetString() == "awaiting-quotas", seconds: 60);
        Assert.Equal("Chờ chỉ tiêu", Round(await Detail(), "giay-khen").GetProperty("stateText").GetString());
        Assert.True(waiting.GetProperty("optional").GetBoolean());
        var hongThaiTasks = await host.GetJsonAsync(hongThai, "/api/unit/tasks");
        Assert.Equal("Không đề nghị", Task(hongThaiTasks, "giay-khen").GetProperty("stateText").GetString());

        // The province sets the quota: one per proposer. The round is judged with it: the first stands, the second is over quota.
        var (problem, _) = await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync($"{Cycle}/rounds/giay-khen/quotas/theo-chi-tieu", new { max = -1, requestedBy = "Phòng PV01", reason = "Công văn giao chỉ tiêu" }), HttpStatusCode.BadRequest);
        Assert.Contains("âm", problem.GetRawText(), StringComparison.Ordinal);
        await ApiHost.ReadAsync(await host.Operator.PutAsJsonAsync($"{Cycle}/rounds/giay-khen/quotas/theo-chi-tieu", new { max = 1, requestedBy = "Phòng PV01", reason = "Công văn số 12/CAT-PV01 giao chỉ tiêu" }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => Round(await Detail(), "giay-khen").GetProperty("state").GetString() == "judged", seconds: 60);
        var judged = Round(await Detail(), "giay-khen");
        Assert.Equal((2, 1, 1), (judged.GetProperty("received").GetInt32(), judged.GetProperty("accepted").GetInt32(), judged.GetProperty("refused").GetInt32()));

        // The operator dates the undated round; its proposers are reminded from then on and it opens.
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/extensions", new
        {
            subject = "co-thi-dua",
            newDeadline = new { semantics = "before", date = "2024-05-20" },
            units = Array.Empty<string>(),
            requestedBy = "Phòng PV01",
            reason = "UBND tỉnh ấn định thời hạn xét Cờ thi đua",
        }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => Round(await Detail(), "co-thi-dua").GetProperty("state").GetString() == "open", seconds: 60);
        await ApiHost.ReadAsync(await dongSon.PostAsync("/api/unit/nominations/co-thi-dua", Uploads.NominationForm(Uploads.Nomination("co-dong-son", "xa-dong-son"))), HttpStatusCode.Created);

        // Through the report's deadline and chases, the milestone's reminders (each taking a snapshot) and the dated round's close.
        foreach (var step in new[] { Vn(4, 24, 8), Vn(4, 30, 8), Vn(5, 1), Vn(5, 1, 8), Vn(5, 4, 8), Vn(5, 8, 8), Vn(5, 13, 8), Vn(5, 14, 8), Vn(5, 19, 8) })
        {
            await AdvanceAsync(step);
        }

        // The dated deadline is exact to the second: "trước ngày 20/05/2024" takes 23:59:59 on 19/05 and refuses midnight.
        await AdvanceAsync(ApiHost.Vn(5, 19, 23, 59, 59));
        await ApiHost.ReadAsync(await hongThai.PostAsync("/api/unit/nominations/co-thi-dua", Uploads.NominationForm(Uploads.Nomination("co-hong-thai", "xa-hong-thai"))), HttpStatusCode.Created);
        await AdvanceAsync(Vn(5, 20));
        await ApiHost.ProblemAsync(await tanAn.PostAsync("/api/unit/nominations/co-thi-dua", Uploads.NominationForm(Uploads.Nomination("co-tan-an", "xa-tan-an"))), HttpStatusCode.Conflict);
        await ApiHost.Eventually(async () => Round(await Detail(), "co-thi-dua").GetProperty("state").GetString() == "judged", seconds: 60);
        var flag = Round(await Detail(), "co-thi-dua");
        Assert.Equal((2, 2, 0, 1), (flag.GetProperty("received").GetInt32(), flag.GetProperty("accepted").GetInt32(), flag.GetProperty("refused").GetInt32(), flag.GetProperty("lateRejected").GetInt32()));
        await AdvanceAsync(Vn(5, 25, 9));

        // Consolidation on demand, without closing the cycle: kept beside the milestone's two snapshots.
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/consolidations", new { requestedBy = "Phòng PV01", note = "Số liệu báo cáo Bộ" }), HttpStatusCode.Created);
        var snapshots = await host.GetJsonAsync(host.Operator, $"{Cycle}/consolidations");
        Assert.Equal(3, snapshots.GetArrayLength());

        await AdvanceAsync(Vn(7, 1));
        await ApiHost.Eventually(async () => (await Detail()).GetProperty("runtimeStatus").GetString() == "completed", seconds: 90);
        var detail = await Detail();

        // Mails: the optional rounds were reminded, never chased; the missing report was chased; the operators got the milestone.
        var keys = host.Sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).Where(k => k.StartsWith(CycleId + ":", StringComparison.Ordinal)).ToList();
        Assert.Contains(keys, k => k.Contains(":giay-khen:reminder:7:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains(":co-thi-dua:reminder:7:", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => (k.Contains(":giay-khen:", StringComparison.Ordinal) || k.Contains(":co-thi-dua:", StringComparison.Ordinal)) && k.Contains(":chase:", StringComparison.Ordinal));
        Assert.Contains($"{CycleId}:xa-hong-thai:bao-cao:bao-cao:chase:1:20240501T0100Z", keys);
        var milestone = host.Sink.Accepted.Where(m => m.CustomArgs[SendGridMailer.MessageKeyArg].StartsWith($"{CycleId}:operators:hoi-nghi:reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, milestone.Count);
        Assert.All(milestone, m => Assert.Contains("thuongtruc@congan.thunghiem.example", m.To));
        Assert.All(milestone, m => Assert.Contains("Bản tổng hợp số liệu lập lúc", m.Text, StringComparison.Ordinal));

        // The headline and blocks: the optional rounds' silent proposers are not missing; two units never reported.
        // Rejected: one over quota and one too late.
        var nominations = detail.GetProperty("nominations");
        Assert.Equal((4, 3, 2, 1), (nominations.GetProperty("received").GetInt32(), nominations.GetProperty("accepted").GetInt32(), nominations.GetProperty("rejected").GetInt32(), nominations.GetProperty("lateRejected").GetInt32()));
        var communes = detail.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "xa");
        Assert.Equal((2, 1), (communes.GetProperty("onTime").GetInt32(), communes.GetProperty("missing").GetInt32()));

        // The exported workbook has the table's sheet, shaped like the form, every unit's rows grouped by year.
        var exports = (await host.GetJsonAsync(host.Operator, $"{Cycle}/exports")).EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("url").GetString()!);
        using var workbook = new MemoryStream(await (await host.Operator.GetAsync(exports["tong-hop.xlsx"])).Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.GetSheetNames(workbook).Single(name => Header(workbook, name).Contains("Tiêu chí không đạt"));
        Assert.Equal(["Đơn vị báo cáo", "Khối", "Năm", "Đơn vị", "Tiêu chí không đạt", "Lý do"], Header(workbook, sheet));
        var lines = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Skip(1)
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        Assert.Equal(
            [
                "Năm: 2022 (2 dòng)",
                "UBND xã Tân An|UBND xã|2022|Trường THCS Tân An|Tiêu chí 1",
                "Sở Tư pháp|Sở, ngành|2022|Phòng Hành chính|Tiêu chí 1",
                "Năm: 2023 (2 dòng)",
                "UBND xã Tân An|UBND xã|2023|Chợ Tân An|Tiêu chí 2",
                "UBND xã Đông Sơn|UBND xã|2023|Trạm y tế|Tiêu chí 3",
            ],
            lines.Select(l => l[1].Length == 0 ? l[0] : string.Join('|', l[..5])));
    }

    private static DateTimeOffset Vn(int month, int day, int hour = 0) => ApiHost.Vn(month, day, hour);

    private async Task StartAsync()
    {
        var form = new MultipartFormDataContent();
        var json = new ByteArrayContent(Encoding.UTF8.GetBytes(PlanText));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(json, "plan", "tinh-nang-moi-2024.plan.json");
        form.Add(Uploads.File(Uploads.Xlsx("Mẫu phụ lục"), "application/octet-stream"), "templates", Template);
        Assert.True(PlanJson.Read(PlanText).Errors.Count == 0);
        var started = await host.Operator.PostAsync($"/api/cycles?id={CycleId}&rehearsal=step&from={Uri.EscapeDataString(Vn(3, 11, 9).ToString("O"))}", form);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
    }

    /// <summary>Moves the stepped clock and waits until the boundary reads the new instant.</summary>
    private async Task AdvanceAsync(DateTimeOffset to)
    {
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/rehearsal/advance", new { to }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await Detail()).GetProperty("progress") is { ValueKind: JsonValueKind.Object } p
            && p.TryGetProperty("standsAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() == to, seconds: 60);
    }

    private Task<JsonElement> Detail() => host.GetJsonAsync(host.Operator, Cycle);

    private static JsonElement Round(JsonElement detail, string id) => detail.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    private static JsonElement Task(JsonElement tasks, string subject) => tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("subject").GetString() == subject);

    private static List<string?> Header(Stream workbook, string sheet) =>
        [.. ((IDictionary<string, object?>)MiniExcel.Query(workbook, useHeaderRow: false, sheetName: sheet).First()).Values.Select(v => v?.ToString())];

    private static object[] Rows(params (string Year, string Unit, string Criterion)[] rows) =>
        [.. rows.Select(r => new Dictionary<string, string> { ["nam"] = r.Year, ["don-vi"] = r.Unit, ["tieu-chi"] = r.Criterion })];

    /// <summary>A report: the file, the values of the forms (the communes' one only when <paramref name="villages"/> is set), and the filled appendix.</summary>
    private static MultipartFormDataContent Report(object[] rows, int? villages, bool appendix)
    {
        var forms = new Dictionary<string, object> { ["bieu-01"] = new Dictionary<string, object> { ["so-vu"] = new { number = 3 }, ["chua-dat"] = new { rows } } };
        if (villages is { } count)
        {
            forms["bieu-xa"] = new Dictionary<string, object> { ["so-thon"] = new { number = count } };
        }

        var form = new MultipartFormDataContent
        {
            { Uploads.File(Uploads.Pdf("Báo cáo năm 2023"), "application/pdf"), "file", "bao-cao.pdf" },
            { new StringContent(JsonSerializer.Serialize(new { forms }), Encoding.UTF8, "application/json"), "statistics" },
        };
        if (appendix)
        {
            form.Add(Uploads.File(Uploads.Xlsx("Danh sách mô hình"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "form:phu-luc", "phu-luc-tan-an.xlsx");
        }

        return form;
    }
}
