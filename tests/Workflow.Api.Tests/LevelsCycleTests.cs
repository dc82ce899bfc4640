using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Workflow.Email;
using Workflow.MailSink;

namespace Workflow.Api.Tests;

/// <summary>
/// Reporting from the base up (issue 12), through the API as a stepped rehearsal on the real engine and Azurite: two
/// districts issue their own plans to their communes and schools (sub-cycles of 25 and 22 units on the province's
/// clock); some base units report on time, some late, some never; each district's report to the province is pre-filled
/// from its sub-cycle, one district corrects a figure with its reason, and the province's consolidation equals the sum
/// worked out here from what every unit sent. A district picks among its units' nominees within its own quota (one pick
/// over quota is refused there) and forwards the rest, with their dossiers, to the province round.
/// </summary>
public sealed class LevelsCycleTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string CycleId = "cap-co-so";
    private const string Cycle = $"/api/cycles/{CycleId}";
    private const string AnPhu = "huyen-an-phu";
    private const string BinhSon = "huyen-binh-son";
    private const string SubA = $"{CycleId}.{AnPhu}";
    private const string SubB = $"{CycleId}.{BinhSon}";

    private static readonly string PlanText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plans", "cap-co-so-2024.plan.json"));

    [Fact]
    public async Task TwoDistrictsRunSubCycles_TheProvinceSumsTheirRollUps_AndPicksComeUpWithinTheDistrictQuota()
    {
        var started = await host.Operator.PostAsync($"/api/cycles?id={CycleId}&rehearsal=step&from={Uri.EscapeDataString(Vn(3, 11, 9).ToString("O"))}",
            new StringContent(PlanText, Encoding.UTF8, "application/json"));
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        await ApiHost.Eventually(async () => (await Detail(Cycle)).GetProperty("progress").ValueKind == JsonValueKind.Object, seconds: 60);

        // A district's deadline must leave it time: the same day as its own deadline to the province is refused, naming the field.
        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/relays/{AnPhu}/plan", Request("2024-05-01", "2024-04-10")), HttpStatusCode.BadRequest);
        Assert.Equal(["$.deadlines.bao-cao"], fields);
        var issued = await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/relays/{AnPhu}/plan", Request("2024-04-25", "2024-04-10")), HttpStatusCode.Accepted);
        Assert.Equal((SubA, 25), (issued.GetProperty("cycleId").GetString(), issued.GetProperty("units").GetInt32()));
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/relays/{BinhSon}/plan", Request("2024-04-24", "2024-04-10")), HttpStatusCode.Accepted);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/relays/{BinhSon}/plan", Request("2024-04-24", "2024-04-10")), HttpStatusCode.Conflict);

        // The sub-cycles are linked: the province lists them, each names its parent, and each runs on the province's clock.
        await ApiHost.Eventually(async () => (await Detail($"/api/cycles/{SubA}")).GetProperty("progress").ValueKind == JsonValueKind.Object, seconds: 60);
        var relays = (await Detail(Cycle)).GetProperty("relays").EnumerateArray().ToDictionary(r => r.GetProperty("unitId").GetString()!);
        Assert.Equal(SubA, relays[AnPhu].GetProperty("subCycleId").GetString());
        Assert.Equal(SubB, relays[BinhSon].GetProperty("subCycleId").GetString());
        Assert.Equal(CycleId, (await Detail($"/api/cycles/{SubA}")).GetProperty("parent").GetProperty("parentCycleId").GetString());
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{SubA}/rehearsal/advance", new { to = Vn(3, 12) }), HttpStatusCode.Conflict);

        await AdvanceAsync(Vn(3, 12, 10));

        // Base units report to their district: An Phú's first 18 of 25 and Bình Sơn's first 20 of 22 on time.
        var sent = new Dictionary<string, (int Cases, int Models)>();
        foreach (var (sub, prefix, count) in new[] { (SubA, "an-phu", 18), (SubB, "binh-son", 20) })
        {
            foreach (var unit in BaseUnits(prefix).Take(count))
            {
                await ReportAsync(sub, unit, sent);
            }
        }

        // An Phú's communes propose: a collective and three individuals, two of them police.
        var proposals = new[]
        {
            ("de-nghi-01", "an-phu-xa-01", "collective", false),
            ("de-nghi-02", "an-phu-xa-02", "individual", true),
            ("de-nghi-03", "an-phu-xa-03", "individual", true),
            ("de-nghi-04", "an-phu-xa-04", "individual", false),
        };
        foreach (var (id, unit, kind, police) in proposals)
        {
            var client = host.Unit(await host.TokenAsync(unit, SubA));
            await ApiHost.ReadAsync(await client.PostAsync("/api/unit/nominations/giay-khen", Uploads.NominationForm(Nomination(id, unit, kind, police), files: 2)), HttpStatusCode.Created);
        }

        // The communes' round closes; the district picks all four within its own quota (1 collective, 2 individuals, 1 police).
        await AdvanceAsync(Vn(4, 10, 9));
        await ApiHost.Eventually(async () => Round(await Detail($"/api/cycles/{SubA}"), "giay-khen-chon").GetProperty("state").GetString() == "awaiting-picks", seconds: 90);
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{SubA}/picks/giay-khen-chon",
            new { nominations = proposals.Select(p => p.Item1).ToArray(), pickedBy = "Ban Chỉ đạo huyện An Phú" }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => Round(await Detail($"/api/cycles/{SubA}"), "giay-khen-chon").GetProperty("state").GetString() == "judged", seconds: 90);
        var picks = (await host.GetJsonAsync(host.Operator, $"/api/cycles/{SubA}/nominations/giay-khen-chon")).EnumerateArray()
            .ToDictionary(n => n.GetProperty("nominationId").GetString()!, n => n.GetProperty("withinQuota").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["de-nghi-01"] = true, ["de-nghi-02"] = true, ["de-nghi-03"] = false, ["de-nghi-04"] = true }, picks);

        // The refusal at the district level is recorded and mailed to the commune that proposed.
        RecordedMail? verdict = null;
        await ApiHost.Eventually(() => (verdict = host.Sink.Accepted.FirstOrDefault(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == MessageKeys.Verdict(SubA, "an-phu-xa-03", "giay-khen-chon"))) is not null);
        Assert.Contains("Cá nhân de-nghi-03: không đạt", verdict!.Text, StringComparison.Ordinal);

        // Forwarded to the province round with their dossiers: only the three within the district's quota.
        var forwarded = await ApiHost.ReadAsync(await host.Operator.PostAsync($"/api/cycles/{SubA}/forwards/giay-khen", null), HttpStatusCode.OK);
        Assert.Equal<string>(["huyen-an-phu-de-nghi-01", "huyen-an-phu-de-nghi-02", "huyen-an-phu-de-nghi-04"],
            forwarded.EnumerateArray().Select(f => f.GetProperty("parentNominationId").GetString()!).ToArray());
        Assert.All(forwarded.EnumerateArray(), f => Assert.True(f.GetProperty("accepted").GetBoolean(), f.GetRawText()));

        // The province round closes and judges the district's three within the province's per-district quota.
        await AdvanceAsync(Vn(4, 20, 9));
        await ApiHost.Eventually(async () => Round(await Detail(Cycle), "giay-khen").GetProperty("state").GetString() == "judged", seconds: 90);
        var province = (await host.GetJsonAsync(host.Operator, $"{Cycle}/nominations/giay-khen")).EnumerateArray().ToList();
        Assert.Equal(3, province.Count);
        Assert.All(province, n => Assert.Equal((AnPhu, true), (n.GetProperty("proposedBy").GetString(), n.GetProperty("withinQuota").GetBoolean())));

        // After the districts' deadlines: three of An Phú's units report late; the rest never do.
        await AdvanceAsync(Vn(4, 26, 9));
        foreach (var unit in BaseUnits("an-phu").Skip(18).Take(3))
        {
            await ReportAsync(SubA, unit, sent);
        }

        // Each district's report is pre-filled from its sub-cycle: sums, the tables' rows with their unit, and its base.
        var draftA = await host.GetJsonAsync(host.Operator, $"/api/cycles/{SubA}/rollups/bao-cao");
        Assert.Equal((25, 18, 3, 4), Base(draftA));
        Assert.Equal("Ban Chỉ đạo huyện An Phú: 21/25 đơn vị cơ sở đã nộp (3 nộp muộn, 4 chưa nộp)", draftA.GetProperty("baseText").GetString());
        var sumA = Sum(sent, "an-phu");
        Assert.Equal(sumA.Cases, Figure(draftA, "so-vu"));
        Assert.Equal(21, draftA.GetProperty("statistics").GetProperty("forms").GetProperty("bieu-01").GetProperty("mo-hinh").GetProperty("rows").GetArrayLength());

        // An Phú corrects a figure: without a reason it is refused naming the figure, with one it is recorded.
        var corrected = Statistics(draftA, cases: sumA.Cases + 2);
        (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsync($"/api/cycles/{SubA}/rollups/bao-cao", RollUpForm(corrected, null)), HttpStatusCode.BadRequest);
        Assert.Equal(["corrections.bieu-01.so-vu"], fields);
        await ApiHost.ReadAsync(await host.Operator.PostAsync($"/api/cycles/{SubA}/rollups/bao-cao",
            RollUpForm(corrected, new Dictionary<string, string> { ["bieu-01.so-vu"] = "Bổ sung 02 vụ do Công an huyện phát hiện, xã chưa báo cáo" })), HttpStatusCode.Created);

        var draftB = await host.GetJsonAsync(host.Operator, $"/api/cycles/{SubB}/rollups/bao-cao");
        Assert.Equal((22, 20, 0, 2), Base(draftB));
        var sumB = Sum(sent, "binh-son");
        await ApiHost.ReadAsync(await host.Operator.PostAsync($"/api/cycles/{SubB}/rollups/bao-cao", RollUpForm(Statistics(draftB, cases: null), null)), HttpStatusCode.Created);

        // A unit's own report cannot pass for a roll-up.
        var department = host.Unit(await host.TokenAsync("so-tu-phap", CycleId));
        (_, fields) = await ApiHost.ProblemAsync(await department.PostAsync("/api/unit/reports/bao-cao", UnitReport(7, 2, rollUp: true)), HttpStatusCode.BadRequest);
        Assert.Equal(["statistics.rollUp"], fields);
        await ApiHost.ReadAsync(await department.PostAsync("/api/unit/reports/bao-cao", UnitReport(7, 2, rollUp: false)), HttpStatusCode.Created);

        // The province's consolidation equals the independent sum: every base report, the correction, the department.
        var snapshot = await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/consolidations", new { requestedBy = "Phòng PV01", note = "Tổng hợp từ cơ sở" }), HttpStatusCode.Created);
        var exports = snapshot.GetProperty("exports").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("url").GetString()!);
        var totals = await CsvAsync(exports["bao-cao-tong-hop.csv"]);
        var header = totals[0];
        var whole = Array.IndexOf(header, "Toàn tỉnh");
        Assert.Equal((sumA.Cases + 2 + sumB.Cases + 7).ToString(CultureInfo.InvariantCulture), totals.Single(r => r[1] == "so-vu")[whole]);
        Assert.Equal((sumA.Models + sumB.Models + 2).ToString(CultureInfo.InvariantCulture), totals.Single(r => r[1] == "so-mo-hinh")[whole]);

        var bases = await CsvAsync(exports["bao-cao-cap-co-so.csv"]);
        Assert.Contains(bases, r => r[0] == "Ban Chỉ đạo huyện An Phú" && r[6] == "Ban Chỉ đạo huyện An Phú: 21/25 đơn vị cơ sở đã nộp (3 nộp muộn, 4 chưa nộp)"
            && r[7].Contains("Bổ sung 02 vụ", StringComparison.Ordinal));
        Assert.Contains(bases, r => r[0] == "Ban Chỉ đạo huyện Bình Sơn" && r[6] == "Ban Chỉ đạo huyện Bình Sơn: 20/22 đơn vị cơ sở đã nộp (0 nộp muộn, 2 chưa nộp)" && r[7].Length == 0);

        // The table lists every base unit's row under its district with the unit it came from.
        var rows = await CsvAsync(exports["bao-cao-bang-bieu-01-mo-hinh.csv"]);
        Assert.Equal(["Đơn vị báo cáo", "Khối", "Đơn vị cơ sở", "Tên mô hình", "Năm xây dựng"], rows[0]);
        Assert.Equal(21 + 20 + 1, rows.Count - 1);
        Assert.Contains(rows, r => r[0] == "Ban Chỉ đạo huyện An Phú" && r[2] == "UBND xã An Phú 19" && r[3] == "Mô hình an-phu-xa-19");

        // The correction is on the province's timeline with who and why.
        var timeline = await host.GetJsonAsync(host.Operator, $"{Cycle}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetRawText().Contains("điều chỉnh 1 số liệu", StringComparison.Ordinal));
    }

    private static DateTimeOffset Vn(int month, int day, int hour = 0) => ApiHost.Vn(month, day, hour);

    private static object Request(string report, string round) => new
    {
        number = "12/KH-BCĐ",
        deadlines = new Dictionary<string, object>
        {
            ["bao-cao"] = new { semantics = "before", date = report },
            ["giay-khen"] = new { semantics = "before", date = round },
        },
    };

    private static IEnumerable<string> BaseUnits(string prefix)
    {
        var (communes, schools) = prefix == "an-phu" ? (20, 5) : (18, 4);
        return Enumerable.Range(1, communes).Select(i => $"{prefix}-xa-{i:D2}").Concat(Enumerable.Range(1, schools).Select(i => $"{prefix}-cq-{i:D2}"));
    }

    /// <summary>A base unit's report: figures that differ per unit, so a wrong sum cannot pass.</summary>
    private async Task ReportAsync(string sub, string unit, Dictionary<string, (int Cases, int Models)> sent)
    {
        var number = int.Parse(unit[^2..], CultureInfo.InvariantCulture);
        var cases = number * 3 + (unit.Contains("-cq-", StringComparison.Ordinal) ? 1 : 0);
        var models = number % 4;
        var statistics = new
        {
            forms = new Dictionary<string, object>
            {
                ["bieu-01"] = new Dictionary<string, object>
                {
                    ["so-vu"] = new { number = cases },
                    ["so-mo-hinh"] = new { number = models },
                    ["co-hoi-nghi"] = new { flag = number % 2 == 0 },
                    ["mo-hinh"] = new { rows = new[] { new Dictionary<string, string> { ["ten"] = $"Mô hình {unit}", ["nam"] = "2023" } } },
                },
            },
        };
        var client = host.Unit(await host.TokenAsync(unit, sub));
        await ApiHost.ReadAsync(await client.PostAsync("/api/unit/reports/bao-cao", new MultipartFormDataContent
        {
            { Uploads.File(Uploads.Pdf($"Báo cáo {unit}"), "application/pdf"), "file", "bao-cao.pdf" },
            { new StringContent(JsonSerializer.Serialize(statistics), Encoding.UTF8, "application/json"), "statistics" },
        }), HttpStatusCode.Created);
        sent[unit] = (cases, models);
    }

    private static (int Cases, int Models) Sum(Dictionary<string, (int Cases, int Models)> sent, string prefix) =>
        (sent.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(s => s.Value.Cases), sent.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(s => s.Value.Models));

    private static (int, int, int, int) Base(JsonElement draft)
    {
        var b = draft.GetProperty("base");
        return (b.GetProperty("expected").GetInt32(), b.GetProperty("onTime").GetInt32(), b.GetProperty("late").GetInt32(), b.GetProperty("missing").GetInt32());
    }

    private static int Figure(JsonElement draft, string field) =>
        draft.GetProperty("statistics").GetProperty("forms").GetProperty("bieu-01").GetProperty(field).GetProperty("number").GetInt32();

    /// <summary>The pre-filled statistics with the district's own yes/no answered and, optionally, a corrected count.</summary>
    private static string Statistics(JsonElement draft, int? cases)
    {
        var form = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(draft.GetProperty("statistics").GetProperty("forms").GetProperty("bieu-01").GetRawText())!;
        var fields = form.ToDictionary(f => f.Key, f => (object)f.Value);
        fields["co-hoi-nghi"] = new { flag = true };
        if (cases is { } corrected)
        {
            fields["so-vu"] = new { number = corrected };
        }

        return JsonSerializer.Serialize(new { forms = new Dictionary<string, object> { ["bieu-01"] = fields } });
    }

    private static MultipartFormDataContent RollUpForm(string statistics, Dictionary<string, string>? reasons)
    {
        var form = new MultipartFormDataContent
        {
            { Uploads.File(Uploads.Pdf("Báo cáo tổng kết của huyện"), "application/pdf"), "file", "bao-cao-huyen.pdf" },
            { new StringContent(statistics, Encoding.UTF8, "application/json"), "statistics" },
        };
        if (reasons is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(reasons), Encoding.UTF8, "application/json"), "corrections");
        }

        return form;
    }

    private static MultipartFormDataContent UnitReport(int cases, int models, bool rollUp)
    {
        var fields = new Dictionary<string, object>
        {
            ["so-vu"] = new { number = cases },
            ["so-mo-hinh"] = new { number = models },
            ["co-hoi-nghi"] = new { flag = true },
            ["mo-hinh"] = new { rows = new[] { new Dictionary<string, string> { ["ten"] = "Mô hình Sở Tư pháp", ["nam"] = "2022" } } },
        };
        object statistics = rollUp
            ? new { forms = new Dictionary<string, object> { ["bieu-01"] = fields }, rollUp = new { subCycleId = "gia-mao", @base = new { expected = 100, onTime = 100, late = 0, missing = 0 } } }
            : new { forms = new Dictionary<string, object> { ["bieu-01"] = fields } };
        return new MultipartFormDataContent
        {
            { Uploads.File(Uploads.Pdf("Báo cáo Sở Tư pháp"), "application/pdf"), "file", "bao-cao.pdf" },
            { new StringContent(JsonSerializer.Serialize(statistics), Encoding.UTF8, "application/json"), "statistics" },
        };
    }

    private static object Nomination(string id, string unit, string kind, bool police) => new
    {
        id,
        name = kind == "collective" ? $"Tập thể {unit}" : $"Cá nhân {id}",
        kind,
        nomineeUnit = unit,
        isPolice = police,
        profile = kind == "collective" ? "tap-the" : "ca-nhan",
        documents = new object[] { new { documentId = "to-trinh" }, new { documentId = "bao-cao-thanh-tich" } },
    };

    /// <summary>Moves the tree's stepped clock from the top and waits until every cycle of the tree stands there.</summary>
    private async Task AdvanceAsync(DateTimeOffset to)
    {
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/rehearsal/advance", new { to }), HttpStatusCode.Accepted);
        foreach (var cycle in new[] { Cycle, $"/api/cycles/{SubA}", $"/api/cycles/{SubB}" })
        {
            await ApiHost.Eventually(async () => (await Detail(cycle)).GetProperty("progress") is { ValueKind: JsonValueKind.Object } p
                && p.TryGetProperty("standsAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() == to, seconds: 60);
        }
    }

    private Task<JsonElement> Detail(string cycle) => host.GetJsonAsync(host.Operator, cycle);

    private static JsonElement Round(JsonElement detail, string id) => detail.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    /// <summary>An exported CSV file's records, header first.</summary>
    private async Task<List<string[]>> CsvAsync(string url)
    {
        using var stream = new MemoryStream(await (await host.Operator.GetAsync(url)).Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray())];
    }
}
