using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Storage;
using static Microsoft.Playwright.Assertions;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// A nomination dossier made on the unit page without any JSON: the nominee, the profile's facts, three achievement
/// records (two with their decision's file), the dossier's documents; a record's error shown beside its row, then the
/// receipt and the nominee kept for pre-filling. On the dashboard the operator sees the records and verifies the one
/// without evidence, and its "chưa có minh chứng" flag goes; once the round has closed and been judged, the operator
/// downloads the drafted quyết định and enters the signed decision.
/// </summary>
public sealed class NominationFormTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Unit = "bcd-yen-the";
    private const string Round = "giay-khen-giam-doc";
    private const string Profile = "tap-the-cong-an-xa";
    private const string NomineeUnit = "yen-the-xa-dong-tien";
    private const string Nominee = "Công an xã Đồng Tiến";
    private const string Issuer = "Giám đốc Công an tỉnh Bắc Giang";

    // The operator's test proposes from another district: a unit's kept nominees outlive the cycle, and the unit test
    // starts with none.
    private const string OtherUnit = "bcd-tan-yen";
    private const string OtherNomineeUnit = "tan-yen-xa-lan-gioi";
    private const string OtherNominee = "Công an xã Lan Giới";

    // The decision's test proposes another collective of that district: reviews ride on a kept nominee's records into
    // its next nomination, so the two operator tests must not share one, whichever runs first.
    private const string AwardedNomineeUnit = "tan-yen-xa-cao-xa";
    private const string AwardedNominee = "Công an xã Cao Xá";

    /// <summary>Past the round's close (01/04/2024 00:00): 02/04/2024 09:00, so the cycle's business today is 02/04/2024.</summary>
    private static readonly DateTimeOffset AfterClose = new(2024, 4, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    static NominationFormTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Unit_FillsACollectiveNomination_ThroughTheForm_SeesARecordErrorBesideItsRow_ThenTheReceipt()
    {
        var (plan, cycleId) = await StartAsync("bg-nom-");
        var page = await fixture.Browser.Context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/u/{Uri.EscapeDataString(await TokenAsync(cycleId, Unit))}").ToString());
        var task = page.Locator($"article.task[data-subject='{Round}']");
        var form = task.Locator("form");
        await Expect(form).ToBeVisibleAsync();

        // No JSON anywhere: no textarea, no word of it; nothing kept yet, so nothing to pre-fill from.
        await Expect(form.Locator("textarea")).ToHaveCountAsync(0);
        await Expect(form).Not.ToContainTextAsync("JSON");
        await Expect(form.GetByLabel("Điền sẵn từ hồ sơ đã lưu")).ToHaveCountAsync(0);

        // A person has a position and may have a số định danh cá nhân, is judged on a person's profiles, and no summary
        // line count is asked of them.
        var round = plan.NominationRounds.Single(r => r.Id == Round);
        await form.GetByLabel("Loại", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cá nhân" });
        await Expect(form.GetByLabel("Chức vụ")).ToBeVisibleAsync();
        await Expect(form.GetByLabel("Số định danh cá nhân")).ToBeVisibleAsync();
        await Expect(form.Locator(".document .lines input")).ToBeHiddenAsync();
        await Expect(form.GetByLabel("Đối tượng xét tiêu chuẩn").Locator("option"))
            .ToHaveTextAsync([.. round.Eligibility.Where(p => p.NomineeKind == NomineeKind.Individual).Select(p => p.Name)]);

        // The nominee: a collective of a commune under the district, police, judged as "Tập thể Công an cấp xã".
        await form.GetByLabel("Loại", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tập thể" });
        await Expect(form.GetByLabel("Chức vụ")).ToBeHiddenAsync();
        await Expect(form.GetByLabel("Số định danh cá nhân")).ToBeHiddenAsync();
        await form.GetByLabel("Tên tập thể, cá nhân", new() { Exact = true }).FillAsync(Nominee);
        await form.GetByLabel("Đơn vị", new() { Exact = true }).SelectOptionAsync(NomineeUnit);
        await form.GetByLabel("Thuộc lực lượng Công an").CheckAsync();
        await form.GetByLabel("Đối tượng xét tiêu chuẩn").SelectOptionAsync(Profile);
        var profile = round.Eligibility.Single(p => p.Id == Profile);
        await Expect(form.Locator(".criteria li")).ToHaveTextAsync([.. profile.Rules.Select(r => r.Description)]);

        // Each yes/no fact asks whether its criterion holds; none is answered for the unit.
        var facts = form.Locator("fieldset.fact");
        var flags = profile.Rules.OfType<FlagRule>().ToList();
        await Expect(facts).ToHaveCountAsync(flags.Count);
        await Expect(facts.Locator("input[type=radio]:checked")).ToHaveCountAsync(0);
        for (var i = 0; i < flags.Count; i++)
        {
            await Expect(facts.Nth(i).Locator("legend")).ToHaveTextAsync(flags[i].Description);
            await facts.Nth(i).GetByLabel("Có", new() { Exact = true }).CheckAsync();
        }

        // Three records; the second one's year is left empty for now. A fourth, of another kind of award, shows its
        // free-text title and is removed again.
        var pdf = (string name) => new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"%PDF-1.7\n% {name}\n%%EOF\n") };
        for (var n = 1; n <= 4; n++)
        {
            await form.GetByRole(AriaRole.Button, new() { Name = "Thêm thành tích" }).ClickAsync();
        }

        await FillRecordAsync(form, 1, "2021", "Đơn vị tiên tiến", "1021/QĐ-CAT", "2021-12-20", pdf("qd-1021-2021.pdf"));
        await FillRecordAsync(form, 2, "", "Đơn vị tiên tiến", "1187/QĐ-CAT", "2022-12-22", pdf("qd-1187-2022.pdf"));
        await FillRecordAsync(form, 3, "2023", "Đơn vị quyết thắng", "1305/QĐ-CAT", "2023-12-25", null);
        await Expect(form.GetByLabel("Tên hình thức khen thưởng, dòng 4")).ToBeHiddenAsync();
        await form.GetByLabel("Danh hiệu, dòng 4", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hình thức khen thưởng khác" });
        await Expect(form.GetByLabel("Tên hình thức khen thưởng, dòng 4")).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Xoá thành tích dòng 4" }).ClickAsync();
        await Expect(form.Locator("table.record-table tbody.record")).ToHaveCountAsync(3);
        var ids = await form.Locator("table.record-table tbody.record").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.record)");
        Assert.Equal(["tt-1", "tt-2", "tt-3"], ids);

        // The dossier's documents, one file each; the summary's line count is asked of a collective, 20 at most.
        var documents = round.Dossier!.Documents;
        var files = form.Locator(".document > input[type=file]");
        await Expect(files).ToHaveCountAsync(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            await files.Nth(i).SetInputFilesAsync(pdf($"{documents[i].Id}.pdf"));
        }

        var lines = form.Locator(".document .lines input");
        await Expect(lines).ToHaveCountAsync(1);
        await Expect(lines).ToHaveAttributeAsync("placeholder", "Tập thể: tối đa 20 dòng");
        await lines.FillAsync("18");
        // The plan's paper sets: 02 for the Director's certificate.
        await Expect(form.Locator(".dossier-copies")).ToContainTextAsync("02 bộ");

        // The server refuses the missing year; its message stands beside that row's year, and nowhere else.
        await form.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ đề nghị" }).ClickAsync();
        var yearError = form.Locator("tbody[data-record='tt-2'] td[data-column='year'] .cell-error");
        await Expect(yearError).ToHaveTextAsync("Thiếu năm đạt danh hiệu, hình thức khen thưởng.");
        await Expect(form.Locator(".cell-error")).ToHaveCountAsync(1);
        await Expect(form.GetByLabel("Năm, dòng 2", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Lỗi của từng mục được ghi ngay cạnh mục đó.");
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-nomination-error.png"), FullPage = true });

        await form.GetByLabel("Năm, dòng 2", new() { Exact = true }).FillAsync("2022");
        await Expect(yearError).ToHaveCountAsync(0);
        // Chromium scrolls a focused input back into view after the full-page screenshot's resize, under the next click.
        await form.GetByLabel("Năm, dòng 2", new() { Exact = true }).BlurAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-nomination-form.png"), FullPage = true });
        await form.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ đề nghị" }).ClickAsync();

        var receipt = task.GetByRole(AriaRole.Status);
        await Expect(receipt).ToContainTextAsync($"Đã nhận hồ sơ đề nghị «{Nominee}» lúc");
        await Expect(receipt).ToContainTextAsync("Quyết định Đơn vị tiên tiến năm 2021: qd-1021-2021.pdf");
        await Expect(receipt).ToContainTextAsync("Tờ trình đề nghị khen thưởng: to-trinh.pdf");
        await Expect(page.Locator("#receipts tr")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-nomination-receipt.png"), FullPage = false });

        // What operators read: three records, two with their decision's file, and the criterion met only thanks to the
        // 2023 record, which has none, flagged.
        using var nominees = JsonDocument.Parse(await OperatorGetAsync($"api/cycles/{cycleId}/nominations/{Round}"));
        var nominee = nominees.RootElement.EnumerateArray().Single(n => n.GetProperty("name").GetString() == Nominee);
        Assert.Equal(NomineeUnit, nominee.GetProperty("nomineeUnit").GetString());
        Assert.True(nominee.GetProperty("isPolice").GetBoolean());
        Assert.Equal(Profile, nominee.GetProperty("profile").GetString());
        var achievements = nominee.GetProperty("achievements").EnumerateArray().ToList();
        Assert.Equal([2021, 2022, 2023], achievements.Select(a => a.GetProperty("year").GetInt32()));
        Assert.Equal(["Đơn vị tiên tiến", "Đơn vị tiên tiến", "Đơn vị quyết thắng"], achievements.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(["don-vi-tien-tien", "don-vi-tien-tien", "don-vi-quyet-thang"], achievements.Select(a => a.GetProperty("level").GetString()));
        Assert.All(achievements, a => Assert.Equal(Issuer, a.GetProperty("issuer").GetString()));
        Assert.Equal(["20/12/2021", "22/12/2022", "25/12/2023"], achievements.Select(a => a.GetProperty("decisionDateText").GetString()));
        Assert.Equal(new string?[] { "qd-1021-2021.pdf", "qd-1187-2022.pdf", null }, achievements.Select(a => a.GetProperty("evidenceFileName").GetString()));
        var unevidenced = nominee.GetProperty("unevidenced").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(unevidenced);
        Assert.All(unevidenced, m => Assert.StartsWith("Chưa có minh chứng", m, StringComparison.Ordinal));
        var sent = nominee.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(18, sent.Single(d => d.GetProperty("documentId").GetString() == "tom-tat-thanh-tich").GetProperty("lineCount").GetInt32());

        // Every «Có» stored the answer that meets its criterion, so the nominee as declared meets them all.
        var stored = (await fixture.Host.Services.GetRequiredService<IStatusStore>().ListNomineesAsync(cycleId, Round)).Single().ToNomination();
        Assert.All(flags, f => Assert.Equal(f.Required, stored.Record.Flags[f.Flag]));
        var result = new EligibilityEvaluator(plan.Scales).Evaluate(profile, stored);
        Assert.True(result.Eligible, string.Join("; ", result.Failures.Select(f => f.Message)));
        Assert.False(result.Evidenced);

        // The nominee is now kept: choosing it fills the form again, its filed records marked as evidenced.
        var prefill = task.GetByLabel("Điền sẵn từ hồ sơ đã lưu");
        await Expect(prefill.Locator("option")).ToContainTextAsync([$"{Nominee} — Ban Chỉ đạo xã Đồng Tiến"]);
        await prefill.SelectOptionAsync(new SelectOptionValue { Label = $"{Nominee} — Ban Chỉ đạo xã Đồng Tiến" });
        var again = task.Locator("form");
        await Expect(again.GetByLabel("Tên tập thể, cá nhân", new() { Exact = true })).ToHaveValueAsync(Nominee);
        await Expect(again.GetByLabel("Đơn vị", new() { Exact = true })).ToHaveValueAsync(NomineeUnit);
        await Expect(again.GetByLabel("Thuộc lực lượng Công an")).ToBeCheckedAsync();
        await Expect(again.GetByLabel("Đối tượng xét tiêu chuẩn")).ToHaveValueAsync(Profile);
        await Expect(again.Locator("table.record-table tbody.record")).ToHaveCountAsync(3);
        await Expect(again.GetByLabel("Năm, dòng 2", new() { Exact = true })).ToHaveValueAsync("2022");
        await Expect(again.GetByLabel("Ngày quyết định, dòng 3", new() { Exact = true })).ToHaveValueAsync("2023-12-25");
        await Expect(again.Locator("tbody.record .held")).ToHaveTextAsync(["qd-1021-2021.pdf — đã có minh chứng", "qd-1187-2022.pdf — đã có minh chứng", ""]);
        await Expect(again).ToContainTextAsync("nộp lại trong cùng đợt sẽ thay hồ sơ đã nộp");
        await again.Locator("table.record-table").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-nomination-prefilled.png"), FullPage = false });
        await Expect(page.Locator("textarea")).ToHaveCountAsync(0);
        Assert.Empty(dialogs);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Operator_SeesTheNomineesRecords_VerifiesTheUnevidencedOne_AndRefusesAnotherWithAnInlineReason()
    {
        var (_, cycleId) = await StartAsync("bg-nom-op-");
        await SubmitAsync(await TokenAsync(cycleId, OtherUnit), $"{OtherUnit}-lan-gioi", OtherNominee, OtherNomineeUnit);

        var page = await fixture.Browser.Context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        var round = page.Locator($"#nominee-rounds section[data-round='{Round}']");
        await Expect(round.GetByRole(AriaRole.Button, new() { Name = "Tờ trình (.docx)" })).ToBeVisibleAsync();
        await Expect(round.GetByRole(AriaRole.Button, new() { Name = "Quyết định (.docx)" })).ToBeVisibleAsync();
        await Expect(round.GetByRole(AriaRole.Button, new() { Name = "Danh sách (.xlsx)" })).ToBeVisibleAsync();
        await Expect(round.Locator("form.decision-form")).ToBeVisibleAsync();

        var card = round.Locator("article.nominee");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator("h5")).ToHaveTextAsync(OtherNominee);
        var rows = card.Locator("table.records tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("Số 1021/QĐ-CAT ngày 20/12/2021");
        await Expect(rows.Nth(0)).ToContainTextAsync(Issuer);
        await Expect(rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "qd-1021-2021.pdf" })).ToBeVisibleAsync();
        await Expect(rows.Nth(2)).ToContainTextAsync("chưa có minh chứng");
        await Expect(rows.Nth(2)).ToContainTextAsync("Chưa xác minh");
        await Expect(card.Locator(".unevidenced li")).Not.ToHaveCountAsync(0);
        await Expect(card.Locator(".unevidenced")).ToContainTextAsync("Chưa có minh chứng");

        // The decision file downloads with the operator's key, under the name the unit sent it with.
        var download = await page.RunAndWaitForDownloadAsync(() => rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "qd-1021-2021.pdf" }).ClickAsync());
        Assert.Equal("qd-1021-2021.pdf", download.SuggestedFilename);

        // Verified against the issuer's archive, the 2023 record stands on evidence: the flag goes.
        await rows.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Xác minh" }).ClickAsync();
        await Expect(card.Locator(".review-status")).ToHaveTextAsync("Đã xác minh thành tích «Đơn vị quyết thắng» năm 2023.");
        await Expect(card.Locator(".unevidenced")).ToHaveCountAsync(0);
        await Expect(rows.Nth(2).Locator("td.review")).ToContainTextAsync("Đã xác minh");
        await Expect(rows.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Xác minh" })).ToHaveCountAsync(0);
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await round.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-nominee-records.png") });

        // Refusing asks for the reason in the row itself; without one the host refuses, naming it.
        await rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Không công nhận" }).ClickAsync();
        var reason = rows.Nth(0).GetByLabel("Lý do không công nhận thành tích năm 2021");
        await Expect(reason).ToBeFocusedAsync();
        await rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Xác nhận không công nhận" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không công nhận thành tích thì phải nêu lý do.");
        await reason.FillAsync("Quyết định không có trong hồ sơ lưu của Công an tỉnh");
        await rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Xác nhận không công nhận" }).ClickAsync();
        await Expect(rows.Nth(0).Locator("td.review")).ToContainTextAsync("Không công nhận: Quyết định không có trong hồ sơ lưu của Công an tỉnh");
        await Expect(card.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Đã xác minh thành tích «Đơn vị quyết thắng» năm 2023 của «Công an xã Lan Giới»");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Không công nhận thành tích «Đơn vị tiên tiến» năm 2021");

        // The award documents wait for the round's selection: the host's problem is shown, never a broken download.
        await round.GetByRole(AriaRole.Button, new() { Name = "Tờ trình (.docx)" }).ClickAsync();
        await Expect(round.Locator(":scope > .alert")).ToBeVisibleAsync();
        Assert.Empty(dialogs);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Operator_AfterTheRoundIsJudged_DownloadsTheDraftedDecision_AndEntersTheSignedOne()
    {
        var (_, cycleId) = await StartAsync("bg-nom-dec-");
        var nominationId = $"{OtherUnit}-cao-xa";
        await SubmitAsync(await TokenAsync(cycleId, OtherUnit), nominationId, AwardedNominee, AwardedNomineeUnit);

        var page = await fixture.Browser.Context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        var round = page.Locator($"#nominee-rounds section[data-round='{Round}']");
        var card = round.Locator("article.nominee");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator("h5")).ToHaveTextAsync(AwardedNominee);
        await Expect(card.Locator(".nominee-head .outcome")).ToHaveTextAsync("Chờ xét");

        // The operator's review while the round is open: the 2023 decision, sent without its file, is verified.
        var rows = card.Locator("table.records tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await rows.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Xác minh" }).ClickAsync();
        await Expect(card.Locator(".review-status")).ToHaveTextAsync("Đã xác minh thành tích «Đơn vị quyết thắng» năm 2023.");
        await Expect(card.Locator(".unevidenced")).ToHaveCountAsync(0);

        // The stepped clock moves past the round's close; the page shows the new business time and the round judged,
        // the nominee standing on its three verified or evidenced titles.
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles/{cycleId}/rehearsal/advance") { Content = JsonContent.Create(new { to = AfterClose }) })
        {
            request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
            using var response = await fixture.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"advance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var judging = new LocatorAssertionsToHaveAttributeOptions { Timeout = 90_000 };
        await Expect(page.Locator("#rehearsal-now")).ToHaveTextAsync("02/04/2024 09:00", new() { Timeout = 90_000 });
        await Expect(page.Locator($"#rounds-table tr[data-round='{Round}']")).ToHaveAttributeAsync("data-state", "judged", judging);
        await Expect(card).ToHaveAttributeAsync("data-outcome", "accepted", judging);
        await Expect(card.Locator(".nominee-head .outcome")).ToHaveTextAsync("Đạt");

        // The drafted quyết định downloads with the operator's key: a Word document whose annex names the nominee.
        var decisionButton = round.GetByRole(AriaRole.Button, new() { Name = "Quyết định (.docx)" });
        var download = await page.RunAndWaitForDownloadAsync(() => decisionButton.ClickAsync());
        Assert.Equal($"quyet-dinh-{Round}.docx", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        var docx = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(docx.Length > 2 && docx[0] == (byte)'P' && docx[1] == (byte)'K', $"not a zip: {docx.Length} bytes");
        using (var stream = new MemoryStream(docx))
        using (var word = WordprocessingDocument.Open(stream, isEditable: false))
        {
            var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));
            Assert.Contains("QUYẾT ĐỊNH", text, StringComparison.Ordinal);
            Assert.Contains("Về việc tặng Giấy khen của Giám đốc Công an tỉnh", text, StringComparison.Ordinal);
            Assert.Contains(AwardedNominee, text, StringComparison.Ordinal);
        }

        await Expect(round.Locator(":scope > .alert")).ToBeHiddenAsync();

        // The signed decision: a signing day after the cycle's today is refused in the panel, then the real one is kept.
        var form = round.Locator("form.decision-form");
        await form.GetByLabel("Số", new() { Exact = true }).FillAsync("45/QĐ-CAT");
        await form.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2024-04-03");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận quyết định" }).ClickAsync();
        await Expect(round.Locator(":scope > .alert")).ToContainTextAsync("Ngày ký 03/04/2024 sau ngày hiện tại của kỳ báo cáo (02/04/2024).");
        await Expect(round.Locator(".decision-current")).ToBeEmptyAsync();

        await form.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2024-04-02");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận quyết định" }).ClickAsync();
        await Expect(round.Locator(".award-status")).ToHaveTextAsync("Đã ghi nhận Quyết định số 45/QĐ-CAT ngày 02/04/2024; 1 tập thể, cá nhân được ghi nhận khen thưởng.");
        await Expect(round.Locator(":scope > .alert")).ToBeHiddenAsync();
        // The next refresh reads the decision back from the cycle's rounds.
        await Expect(round.Locator(".decision-current")).ToHaveTextAsync("Đã ghi nhận Quyết định số 45/QĐ-CAT ngày 02/04/2024.");
        await round.Locator(".decision-current").ScrollIntoViewIfNeededAsync();
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-award-decision.png"), FullPage = false });

        // The cycle's detail carries it on the round.
        using var detail = JsonDocument.Parse(await OperatorGetAsync($"api/cycles/{cycleId}"));
        var judged = detail.RootElement.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == Round);
        Assert.Equal("judged", judged.GetProperty("state").GetString());
        var decision = judged.GetProperty("decision");
        Assert.Equal("45/QĐ-CAT", decision.GetProperty("number").GetString());
        Assert.Equal("2024-04-02", decision.GetProperty("signedOn").GetString());
        Assert.Equal(Round, decision.GetProperty("roundId").GetString());
        Assert.Equal([nominationId], decision.GetProperty("nominationIds").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("Giấy khen của Giám đốc Công an tỉnh", decision.GetProperty("awardTitle").GetString());
        Assert.Empty(dialogs);
        await page.CloseAsync();
    }

    private static async Task FillRecordAsync(ILocator form, int row, string year, string level, string decision, string date, FilePayload? file)
    {
        var exact = new LocatorGetByLabelOptions { Exact = true };
        await form.GetByLabel($"Năm, dòng {row}", exact).FillAsync(year);
        await form.GetByLabel($"Danh hiệu, dòng {row}", exact).SelectOptionAsync(new SelectOptionValue { Label = $"Danh hiệu thi đua tập thể Công an: {level}" });
        await form.GetByLabel($"Số quyết định, dòng {row}", exact).FillAsync(decision);
        await form.GetByLabel($"Ngày quyết định, dòng {row}", exact).FillAsync(date);
        await form.GetByLabel($"Cấp ra quyết định, dòng {row}", exact).FillAsync(Issuer);
        if (file is not null)
        {
            await form.GetByLabel($"Tệp quyết định, dòng {row}", exact).SetInputFilesAsync(file);
        }
    }

    /// <summary>The sample plan cut to three district committees and the director's round, its district quota only.</summary>
    private async Task<(Plan Plan, string CycleId)> StartAsync(string prefix)
    {
        var sample = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var director = sample.NominationRounds.Single(r => r.Id == Round);
        var plan = sample with
        {
            Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(3)],
            Deliverables = [],
            NominationRounds = [director with { Quotas = [.. director.Quotas.Where(q => q.Id == "gd-huyen")] }],
            Targets = [],
        };
        Assert.Contains(plan.Units, u => u.Id == Unit);
        Assert.Contains(plan.Units, u => u.Id == OtherUnit);
        var cycleId = prefix + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles?id={cycleId}&rehearsal=step&from={Uri.EscapeDataString(DashboardFixture.Start.ToString("O"))}")
        {
            Content = new StringContent(PlanJson.Write(plan), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (plan, cycleId);
    }

    private async Task<string> TokenAsync(string cycleId, string unit)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (UnitUploads.TokenFromNotice(fixture.Sink, cycleId, unit) is { } token)
            {
                return token;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"No plan notice to {unit} in {cycleId}.");
    }

    private async Task<string> OperatorGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The same dossier as the page sends it, from <see cref="OtherUnit"/>: the nomination part, the documents' files, two decisions' files.</summary>
    private async Task SubmitAsync(string token, string nominationId, string name, string nomineeUnit)
    {
        var documents = new[] { "to-trinh", "bien-ban-hop-xet", "danh-sach-de-nghi", "tom-tat-thanh-tich", "bao-cao-thanh-tich", "ban-sao-khen-thuong" };
        var nomination = new
        {
            id = nominationId,
            name,
            kind = "collective",
            nomineeUnit,
            isPolice = true,
            profile = Profile,
            record = new
            {
                flags = new Dictionary<string, bool>
                {
                    ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false, ["dangXetHoacThiHanhKyLuat"] = false, ["dangThanhTraKiemTra"] = false, ["dangXacMinhDonThu"] = false,
                },
                numbers = new Dictionary<string, decimal>(),
            },
            achievements = new[]
            {
                new { id = "tt-1", year = 2021, title = "Đơn vị tiên tiến", scale = "danh-hieu-tap-the", level = "don-vi-tien-tien", decisionNumber = "1021/QĐ-CAT", decisionDate = "2021-12-20", issuer = Issuer },
                new { id = "tt-2", year = 2022, title = "Đơn vị tiên tiến", scale = "danh-hieu-tap-the", level = "don-vi-tien-tien", decisionNumber = "1187/QĐ-CAT", decisionDate = "2022-12-22", issuer = Issuer },
                new { id = "tt-3", year = 2023, title = "Đơn vị quyết thắng", scale = "danh-hieu-tap-the", level = "don-vi-quyet-thang", decisionNumber = "1305/QĐ-CAT", decisionDate = "2023-12-25", issuer = Issuer },
            },
            documents = documents.Select(d => new { documentId = d, lineCount = d == "tom-tat-thanh-tich" ? (int?)18 : null }),
        };
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(JsonSerializer.Serialize(nomination, Web), Encoding.UTF8, "application/json"), "nomination");
        foreach (var document in documents)
        {
            form.Add(Pdf(document), "files", $"{document}.pdf");
        }

        form.Add(Pdf("qd-1021-2021"), "evidence.tt-1", "qd-1021-2021.pdf");
        form.Add(Pdf("qd-1187-2022"), "evidence.tt-2", "qd-1187-2022.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/unit/nominations/{Round}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"nomination refused: {(int)response.StatusCode} {body}");
    }

    private static ByteArrayContent Pdf(string name)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"%PDF-1.7\n% {name}\n%%EOF\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}
