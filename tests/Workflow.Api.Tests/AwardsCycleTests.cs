using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Workflow.Documents.Tests;

namespace Workflow.Api.Tests;

/// <summary>
/// Awards from evidence to decision on the Bắc Giang plan, through the API on Azurite and the engine: structured
/// nominations with evidenced and unevidenced records; an operator verifying one record and refusing another, and the
/// round judged again; the province's picks; the tờ trình, the quyết định and the list drafted and read back with the
/// OpenXml SDK; the signed decision entered; and the next cycle's nomination pre-filled from the kept records, the
/// granted award among them.
/// </summary>
public sealed class AwardsCycleTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Proposed = "giay-khen-giam-doc";
    private const string Picked = "bang-khen-chu-tich-tinh";
    private const string NextCycle = "bg-api-2025";
    private static readonly string[] Flags = ["nam2024CoCanBoPhanLoai4HoacKyLuat", "dangXetHoacThiHanhKyLuat", "dangThanhTraKiemTra", "dangXacMinhDonThu"];

    [Fact]
    public async Task Nominations_FromEvidenceToDecision_AndTheNextCyclePreFillsFromTheKeptRecords()
    {
        var cycle = $"/api/cycles/{ApiHost.CycleId}";
        await host.AdvanceAsync(ApiHost.Vn(3, 20, 10));

        // Yên Thế: five titles, the 2023 "Đơn vị quyết thắng" declared without its decision's file.
        var yenThe = Collective("de-nghi-yen-the-01", "bcd-yen-the", "Công an huyện Yên Thế", "YT");
        await SubmitAsync("bcd-yen-the", yenThe, withoutFile: "tt-2023");
        // Tân Yên: five titles, every decision's file attached.
        await SubmitAsync("bcd-tan-yen", Collective("de-nghi-tan-yen-01", "bcd-tan-yen", "Công an huyện Tân Yên", "TY"));
        // PA03: an officer, every record with its file.
        await SubmitAsync("pa03", Officer());

        // A file for a record the dossier does not declare is refused whole, naming its part.
        using (var unit = host.Unit(await host.TokenAsync("bcd-luc-nam")))
        {
            using var stray = Form(Collective("de-nghi-luc-nam-01", "bcd-luc-nam", "Công an huyện Lục Nam", "LN"), null);
            stray.Add(Uploads.File(Uploads.Pdf("lạc"), "application/pdf"), "evidence.khong-co", "qd.pdf");
            var (_, fields) = await ApiHost.ProblemAsync(await unit.PostAsync($"/api/unit/nominations/{Proposed}", stray), HttpStatusCode.BadRequest);
            Assert.Equal(["evidence.khong-co"], fields);
        }

        var before = await NomineesAsync(Proposed);
        Assert.Contains("2023", string.Join(" ", Strings(before["de-nghi-yen-the-01"], "unevidenced")), StringComparison.Ordinal);
        Assert.Empty(Strings(before["de-nghi-tan-yen-01"], "unevidenced"));
        Assert.Equal(["Chưa xác minh, chưa có minh chứng"], Achievements(before["de-nghi-yen-the-01"]).Where(a => a.GetProperty("evidenceUrl").ValueKind == JsonValueKind.Null).Select(a => a.GetProperty("reviewText").GetString()));

        // The round closes and is judged: a claim without evidence is flagged, not refused, in a proposal round.
        await host.AdvanceAsync(ApiHost.Vn(4, 1));
        await ApiHost.Eventually(async () => Round(await host.GetJsonAsync(host.Operator, cycle), Proposed).GetProperty("accepted").GetInt32() == 3, seconds: 60);

        // A dossier after the close is refused whole, its decisions' files with it, and nothing of it is kept.
        using (var late = host.Unit(await host.TokenAsync("bcd-luc-nam")))
        {
            using var form = Form(Collective("de-nghi-luc-nam-02", "bcd-luc-nam", "Công an huyện Lục Nam", "LN"), null);
            await ApiHost.ProblemAsync(await late.PostAsync($"/api/unit/nominations/{Proposed}", form), HttpStatusCode.Conflict);
            Assert.Equal(0, (await host.GetJsonAsync(late, "/api/unit/nominees")).GetArrayLength());
        }

        // The operator checks Yên Thế's 2023 decision against the archive, and refuses Tân Yên's 2021 one.
        var verified = await ReviewAsync(Proposed, "de-nghi-yen-the-01", "tt-2023", new { verdict = "verified" });
        Assert.Empty(Strings(verified.GetProperty("nominee"), "unevidenced"));
        Assert.StartsWith("Đã xác minh (", verified.GetProperty("record").GetProperty("reviewText").GetString(), StringComparison.Ordinal);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/nominations/{Proposed}/de-nghi-tan-yen-01/achievements/tt-2021/review", new { verdict = "refused" }), HttpStatusCode.BadRequest);
        var refused = await ReviewAsync(Proposed, "de-nghi-tan-yen-01", "tt-2021", new { verdict = "refused", reason = "Quyết định số TY-1735 không có trong sổ quyết định của Công an tỉnh" });
        Assert.Equal("refused", refused.GetProperty("nominee").GetProperty("outcome").GetString());
        Assert.Contains("Chỉ có 2 năm đạt «Đơn vị quyết thắng»", string.Join(" ", Strings(refused.GetProperty("nominee"), "reasons")), StringComparison.Ordinal);

        // The headline and the round count the review at once; the timeline says who decided what.
        var judged = await host.GetJsonAsync(host.Operator, cycle);
        Assert.Equal((3, 2, 1), (Round(judged, Proposed).GetProperty("received").GetInt32(), Round(judged, Proposed).GetProperty("accepted").GetInt32(), Round(judged, Proposed).GetProperty("refused").GetInt32()));
        Assert.Equal(2, judged.GetProperty("nominations").GetProperty("accepted").GetInt32());
        var timeline = await host.GetJsonAsync(host.Operator, $"{cycle}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("title").GetString()!.StartsWith("Không công nhận thành tích «Đơn vị quyết thắng» năm 2021 của «Công an huyện Tân Yên»", StringComparison.Ordinal));

        // Tân Yên learns of the changed verdict as it learnt of the verdict, by a mail marked as an update that names the
        // nominee and why; Yên Thế's verdict did not change, so it gets none.
        static string Key(Workflow.MailSink.RecordedMail m) => m.CustomArgs.GetValueOrDefault(Workflow.Email.SendGridMailer.MessageKeyArg) ?? "";
        Workflow.MailSink.RecordedMail? revised = null;
        await ApiHost.Eventually(() => (revised = host.Sink.Accepted.FirstOrDefault(m => Key(m).StartsWith($"{ApiHost.CycleId}:bcd-tan-yen:{Proposed}:verdict:review-", StringComparison.Ordinal))) is not null);
        Assert.Contains("[Cập nhật kết quả xét khen thưởng]", revised!.Subject, StringComparison.Ordinal);
        Assert.Contains("CẬP NHẬT KẾT QUẢ XÉT ĐỀ NGHỊ KHEN THƯỞNG", revised.Text, StringComparison.Ordinal);
        Assert.Contains("1. Công an huyện Tân Yên: không đạt – ", revised.Text, StringComparison.Ordinal);
        Assert.Contains("Chỉ có 2 năm đạt «Đơn vị quyết thắng»", revised.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Sink.Accepted, m => Key(m).Contains($":{Proposed}:verdict:review-", StringComparison.Ordinal) && !Key(m).Contains(":bcd-tan-yen:", StringComparison.Ordinal));

        // The province picks three; Tân Yên's pick is refused on its criteria, the other two stand.
        await ApiHost.Eventually(async () => Round(await host.GetJsonAsync(host.Operator, cycle), Picked).GetProperty("runtimeStatus").GetString() == "running");
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{cycle}/picks/{Picked}",
            new { nominations = new[] { "de-nghi-yen-the-01", "de-nghi-tan-yen-01", "de-nghi-pa03-01" }, pickedBy = "Phòng PV01" }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, $"{cycle}/nominations/{Picked}")).GetArrayLength() == 3, seconds: 60);
        var picks = await NomineesAsync(Picked);
        Assert.Equal(["accepted", "refused", "accepted"], new[] { "de-nghi-yen-the-01", "de-nghi-tan-yen-01", "de-nghi-pa03-01" }.Select(id => picks[id].GetProperty("outcome").GetString()));

        // The drafts: the figures, then each file read back.
        var award = await host.GetJsonAsync(host.Operator, $"{cycle}/awards/{Picked}");
        Assert.Equal((3, 1, 1, 1), (award.GetProperty("proposed").GetInt32(), award.GetProperty("refused").GetInt32(), award.GetProperty("collectives").GetInt32(), award.GetProperty("individuals").GetInt32()));
        var drafts = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "drafts")).FullName;
        var decision = await DownloadAsync($"{cycle}/awards/{Picked}/quyet-dinh.docx", Path.Combine(drafts, "e2e-quyet-dinh-bang-khen-chu-tich-tinh.docx"));
        var submission = await DownloadAsync($"{cycle}/awards/{Picked}/to-trinh.docx", Path.Combine(drafts, "e2e-to-trinh-bang-khen-chu-tich-tinh.docx"));
        var list = await DownloadAsync($"{cycle}/awards/{Picked}/danh-sach.xlsx", Path.Combine(drafts, "e2e-danh-sach-bang-khen-chu-tich-tinh.xlsx"));

        var (decisionText, annex) = Read(decision);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", decisionText, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", decisionText, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN", decisionText, StringComparison.Ordinal);
        Assert.Contains("Số: …/QĐ-UBND", decisionText.Replace('\u00a0', ' ').Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Matches(@"Bắc Giang, ngày \d{2} tháng \d{1,2} năm 2024", decisionText);
        Assert.Contains("QUYẾT ĐỊNH", decisionText, StringComparison.Ordinal);
        Assert.Contains("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh", decisionText, StringComparison.Ordinal);
        foreach (var basis in host.Plan.LegalBasis)
        {
            Assert.Contains(basis, decisionText, StringComparison.Ordinal);
        }

        // Dates people read are dd/MM/yyyy: the plan's own, and each cited decision's.
        Assert.Contains("Kế hoạch số …/KH-BCĐ ngày 11/03/2024", decisionText, StringComparison.Ordinal);
        Assert.Contains("Quyết định số YT-1956/QĐ-CAT ngày 20/12/2023", decisionText, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", decisionText);
        Assert.Contains("Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 1 tập thể và 1 cá nhân", decisionText, StringComparison.Ordinal);

        // The annex: one line per awardee, with the name and the unit; nobody refused is in it.
        var awardees = annex.Where(r => int.TryParse(r[0], out _)).ToList();
        Assert.Equal(2, awardees.Count);
        Assert.Equal(["Công an huyện Yên Thế", "Thiếu tá Lê Văn Hùng"], awardees.Select(r => r[1]));
        Assert.Equal(["Ban Chỉ đạo huyện Yên Thế", "Phòng An ninh chính trị nội bộ (PA03) – Công an tỉnh"], awardees.Select(r => r[3]));
        Assert.DoesNotContain("Tân Yên", string.Join(" ", annex.SelectMany(r => r)), StringComparison.Ordinal);

        var (submissionText, submissionAnnex) = Read(submission);
        Assert.Contains("TỜ TRÌNH", submissionText, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang", submissionText, StringComparison.Ordinal);
        Assert.Contains("CÔNG AN TỈNH BẮC GIANG", submissionText, StringComparison.Ordinal);
        Assert.Equal(awardees.Select(r => r[1]), submissionAnnex.Where(r => int.TryParse(r[0], out _)).Select(r => r[1]));

        // The workbook lists the same awardees, in the same order, with the same units.
        using (var stream = new MemoryStream(list))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(awardees.Select(r => (r[1], r[3])), rows.Select(r => (r["Tên tập thể, cá nhân"]?.ToString() ?? "", r["Đơn vị"]?.ToString() ?? "")));
            Assert.Equal(["Tập thể", "Cá nhân"], rows.Select(r => r["Loại"]?.ToString()));
        }

        // A person can look at it: the drafted decision printed by LibreOffice and poppler.
        var pages = await Office.ToPngAsync(await Office.ToPdfAsync(Path.Combine(drafts, "e2e-quyet-dinh-bang-khen-chu-tich-tinh.docx")), Path.Combine(drafts, "e2e-quyet-dinh-bang-khen-chu-tich-tinh"));
        Assert.True(pages.Count >= 2 && new FileInfo(pages[0]).Length > 10_000, string.Join(", ", pages));

        // The Director's own round drafts from its judged selection, before anyone picks: the two still accepted.
        var director = await host.GetJsonAsync(host.Operator, $"{cycle}/awards/{Proposed}");
        Assert.Equal((3, 1), (director.GetProperty("proposed").GetInt32(), director.GetProperty("refused").GetInt32()));

        // The decision is signed: entered once (a signing day after today is refused), the same entry again is no change.
        await host.AdvanceAsync(ApiHost.Vn(5, 21, 9));
        var (_, future) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/awards/{Picked}/decision", new { number = "125/QĐ-UBND", signedOn = "2024-05-22" }), HttpStatusCode.BadRequest);
        Assert.Equal(["signedOn"], future);
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{cycle}/awards/{Picked}/decision", new { number = "125/QĐ-UBND", signedOn = "2024-05-20" }), HttpStatusCode.OK);
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{cycle}/awards/{Picked}/decision", new { number = "125/QĐ-UBND", signedOn = "2024-05-20" }), HttpStatusCode.OK);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/awards/{Picked}/decision", new { number = "126/QĐ-UBND", signedOn = "2024-05-20" }), HttpStatusCode.Conflict);
        // Once signed, the records behind it are final: no review can judge the round again.
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/nominations/{Proposed}/de-nghi-yen-the-01/achievements/tt-2019/review",
            new { verdict = "refused", reason = "Xem lại" }), HttpStatusCode.Conflict);
        Assert.StartsWith("Quyết định số 125/QĐ-UBND ngày 20/05/2024", (await host.GetJsonAsync(host.Operator, $"{cycle}/awards/{Picked}")).GetProperty("decisionText").GetString(), StringComparison.Ordinal);

        // The next cycle: Yên Thế finds its collective kept, with the 2023 title verified and the award just granted.
        await StartNextCycleAsync();
        using var next = host.Unit(await host.TokenAsync("bcd-yen-the", NextCycle));
        var kept = (await host.GetJsonAsync(next, "/api/unit/nominees")).EnumerateArray().Single(n => n.GetProperty("name").GetString() == "Công an huyện Yên Thế");
        Assert.Equal("tap-the.bcd-yen-the.cong-an-huyen-yen-the", kept.GetProperty("identity").GetString());
        var records = kept.GetProperty("records").EnumerateArray().ToList();
        var granted = records.Single(r => r.GetProperty("decisionNumber").GetString() == "125/QĐ-UBND");
        Assert.Equal((2024, "Bằng khen của Chủ tịch UBND tỉnh", "verified"), (granted.GetProperty("year").GetInt32(), granted.GetProperty("title").GetString(), granted.GetProperty("review").GetProperty("verdict").GetString()));
        Assert.Equal("verified", records.Single(r => r.GetProperty("year").GetInt32() == 2023).GetProperty("review").GetProperty("verdict").GetString());

        // The unit sends them back unchanged, with no file: the evidence and the reviews carry over, nothing is a claim.
        var prefilled = new
        {
            id = "de-nghi-yen-the-2025",
            name = kept.GetProperty("name").GetString(),
            kind = "collective",
            nomineeUnit = kept.GetProperty("nomineeUnit").GetString(),
            isPolice = true,
            profile = kept.GetProperty("profile").GetString(),
            record = new { flags = Flags.ToDictionary(f => f, _ => false) },
            achievements = records.Select(r => new
            {
                id = r.GetProperty("id").GetString(),
                year = r.GetProperty("year").GetInt32(),
                title = r.GetProperty("title").GetString(),
                scale = r.GetProperty("scale").GetString(),
                level = r.GetProperty("level").GetString(),
                decisionNumber = r.GetProperty("decisionNumber").GetString(),
                decisionDate = r.GetProperty("decisionDate").GetString(),
                issuer = r.GetProperty("issuer").GetString(),
            }).ToArray(),
            documents = Uploads.DocumentIds.Select(d => d == "tom-tat-thanh-tich" ? (object)new { documentId = d, lineCount = 18 } : new { documentId = d }).ToArray(),
        };
        using (var form = Uploads.NominationForm(prefilled))
        {
            await ApiHost.ReadAsync(await next.PostAsync($"/api/unit/nominations/{Proposed}", form), HttpStatusCode.Created);
        }

        var carried = (await host.GetJsonAsync(host.Operator, $"/api/cycles/{NextCycle}/nominations/{Proposed}")).EnumerateArray().Single();
        Assert.Empty(Strings(carried, "unevidenced"));
        var carriedRecords = Achievements(carried).ToList();
        Assert.Equal(6, carriedRecords.Count);
        Assert.All(carriedRecords.Where(a => a.GetProperty("year").GetInt32() < 2023), a => Assert.StartsWith($"/api/cycles/{ApiHost.CycleId}/dossiers/bcd-yen-the/{Proposed}/", a.GetProperty("evidenceUrl").GetString(), StringComparison.Ordinal));
        Assert.StartsWith("Đã xác minh", carriedRecords.Single(a => a.GetProperty("decisionNumber").GetString() == "125/QĐ-UBND").GetProperty("reviewText").GetString(), StringComparison.Ordinal);
    }

    private static object Collective(string id, string unit, string name, string prefix) => new
    {
        id,
        name,
        kind = "collective",
        nomineeUnit = unit,
        isPolice = true,
        profile = "tap-the-phong-cong-an-huyen",
        record = new { flags = Flags.ToDictionary(f => f, _ => false) },
        achievements = new[]
        {
            Title(2019, "don-vi-quyet-thang", "Đơn vị quyết thắng", $"{prefix}-1510/QĐ-CAT"),
            Title(2020, "don-vi-tien-tien", "Đơn vị tiên tiến", $"{prefix}-1622/QĐ-CAT"),
            Title(2021, "don-vi-quyet-thang", "Đơn vị quyết thắng", $"{prefix}-1735/QĐ-CAT"),
            Title(2022, "don-vi-tien-tien", "Đơn vị tiên tiến", $"{prefix}-1840/QĐ-CAT"),
            Title(2023, "don-vi-quyet-thang", "Đơn vị quyết thắng", $"{prefix}-1956/QĐ-CAT"),
        },
        documents = Uploads.DocumentIds.Select(d => d == "tom-tat-thanh-tich" ? (object)new { documentId = d, lineCount = 18 } : new { documentId = d }).ToArray(),
    };

    private static object Officer() => new
    {
        id = "de-nghi-pa03-01",
        name = "Thiếu tá Lê Văn Hùng",
        kind = "individual",
        nomineeUnit = "pa03",
        isPolice = true,
        position = "Đội trưởng",
        personalId = "024085001234",
        profile = "ca-nhan-cong-an",
        record = new
        {
            flags = Flags.Skip(1).ToDictionary(f => f, _ => false),
            numbers = new Dictionary<string, decimal> { ["soNamPhuTrachPhongTraoTu2021"] = 3 },
        },
        achievements = new[]
        {
            Title(2019, "chien-sy-tien-tien", "Chiến sỹ tiên tiến", "CS-101/QĐ-CAT", "danh-hieu-ca-nhan"),
            Title(2020, "chien-sy-tien-tien", "Chiến sỹ tiên tiến", "CS-202/QĐ-CAT", "danh-hieu-ca-nhan"),
            Title(2021, "chien-sy-thi-dua-co-so", "Chiến sỹ thi đua cơ sở", "CS-303/QĐ-CAT", "danh-hieu-ca-nhan"),
            Title(2022, "chien-sy-tien-tien", "Chiến sỹ tiên tiến", "CS-404/QĐ-CAT", "danh-hieu-ca-nhan"),
            Title(2023, "chien-sy-tien-tien", "Chiến sỹ tiên tiến", "CS-505/QĐ-CAT", "danh-hieu-ca-nhan"),
            new { id = "xl-2024", year = 2024, title = "Hoàn thành tốt nhiệm vụ", scale = "xep-loai", level = "hoan-thanh-tot", decisionNumber = "XL-12/QĐ-PA03", decisionDate = "2024-03-15", issuer = "Trưởng phòng PA03" },
        },
        documents = Uploads.DocumentIds.Select(d => new { documentId = d }).ToArray(),
    };

    private static object Title(int year, string level, string title, string decision, string scale = "danh-hieu-tap-the") => new
    {
        id = $"tt-{year}",
        year,
        title,
        scale,
        level,
        decisionNumber = decision,
        decisionDate = $"{year}-12-20",
        issuer = "Giám đốc Công an tỉnh Bắc Giang",
    };

    /// <summary>The dossier's six documents, and one decision's file per record but <paramref name="withoutFile"/>.</summary>
    private static MultipartFormDataContent Form(object nomination, string? withoutFile)
    {
        var form = Uploads.NominationForm(nomination);
        var json = JsonSerializer.SerializeToElement(nomination);
        foreach (var record in json.GetProperty("achievements").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Where(r => r != withoutFile))
        {
            form.Add(Uploads.File(Uploads.Pdf($"Quyết định {record}"), "application/pdf"), $"evidence.{record}", $"quyet-dinh-{record}.pdf");
        }

        return form;
    }

    private async Task SubmitAsync(string unitId, object nomination, string? withoutFile = null)
    {
        using var unit = host.Unit(await host.TokenAsync(unitId));
        using var form = Form(nomination, withoutFile);
        await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/nominations/{Proposed}", form), HttpStatusCode.Created);
    }

    private async Task<JsonElement> ReviewAsync(string round, string nomination, string record, object body) =>
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{ApiHost.CycleId}/nominations/{round}/{nomination}/achievements/{record}/review", body), HttpStatusCode.OK);

    private async Task<Dictionary<string, JsonElement>> NomineesAsync(string round) =>
        (await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/nominations/{round}")).EnumerateArray()
            .ToDictionary(n => n.GetProperty("nominationId").GetString()!, n => n.Clone());

    private async Task<byte[]> DownloadAsync(string path, string saveAs)
    {
        using var response = await host.Operator.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(saveAs, content);
        return content;
    }

    /// <summary>Next year's cycle of the same plan: every date a year on (the ids that name 2024 stay as they are).</summary>
    private async Task StartNextCycleAsync()
    {
        var text = System.Text.RegularExpressions.Regex.Replace(host.PlanText, "\"2024-(\\d{2})", "\"2025-$1");
        using var content = new StringContent(text, Encoding.UTF8, "application/json");
        var started = await host.Operator.PostAsync($"/api/cycles?id={NextCycle}&rehearsal=step&from={Uri.EscapeDataString(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)).ToString("O"))}", content);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
    }

    /// <summary>Every paragraph's text, and the rows of the annex (the ruled table of five columns) as cell texts.</summary>
    private static (string Text, List<string[]> Annex) Read(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        var annex = body.Descendants<Table>().Single(t => t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count() == 5);
        return (text, [.. annex.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())]);
    }

    private static IEnumerable<JsonElement> Achievements(JsonElement nominee) => nominee.GetProperty("achievements").EnumerateArray();

    private static IEnumerable<string> Strings(JsonElement element, string property) => element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!);

    private static JsonElement Round(JsonElement cycle, string id) => cycle.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
}
