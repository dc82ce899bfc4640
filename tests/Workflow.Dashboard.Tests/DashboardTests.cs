using System.Net.Http.Json;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// The monitoring page as an operator sees it in Chromium: the Bắc Giang sample cycle, a few reports on time, one late,
/// the rest missing after the deadline; the page redraws itself when another report arrives; a wrong key is refused.
/// </summary>
public sealed partial class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Report = "bao-cao-tong-ket";
    private const string DistrictSummary = "tong-ket-cap-huyen";
    private const string SoNoiVu = "so-noi-vu";

    // Five district steering committees: three report on time, one late, one sends its district summary while the page is open.
    private static readonly string[] District = ["bcd-tp-bac-giang", "bcd-yen-the", "bcd-tan-yen", "bcd-lang-giang", "bcd-luc-nam"];

    static DashboardTests() => SetDefaultExpectTimeout(20_000);

    private static DateTimeOffset Vn(int month, int day, int hour) => new DateTimeOffset(2024, month, day, hour, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    [Fact]
    public async Task Dashboard_ShowsTheCycleAsAnOperatorSeesIt_AndRefreshesItself()
    {
        var planJson = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"));
        var plan = PlanJson.Read(planJson).Plan!;
        var cycleId = "bg-dash-" + Guid.NewGuid().ToString("N")[..8];
        await StartCycleAsync(cycleId, planJson);
        var tokens = await TokensAsync(cycleId, [.. District, SoNoiVu]);

        // 11/03/2024, the day the plan is issued: on time.
        for (var i = 0; i < 3; i++)
        {
            await UnitUploads.SubmitReportAsync(fixture.Http, plan, tokens[District[i]], Report, seed: i + 1);
        }

        await UnitUploads.SubmitReportAsync(fixture.Http, plan, tokens[SoNoiVu], Report, seed: 7);
        // 02/05/2024: the report was due before 01/05/2024, so this one is late and the silent units are missing;
        // the district summary is due within May and still open.
        await AdvanceAsync(cycleId, Vn(5, 2, 9));
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, tokens[District[3]], Report, seed: 4);

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());

        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync(plan.Title);
        Assert.DoesNotContain(fixture.Host.OperatorKey, page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#updated")).ToHaveTextAsync(UpdatedAt());

        var district = Block(page, "Ban Chỉ đạo cấp huyện");
        await Expect(district).ToContainTextAsync("Đã nộp 4/20 (20%)");
        await Expect(district).ToContainTextAsync("Đúng hạn: 3 (15%)");
        await Expect(district).ToContainTextAsync("Muộn: 1 (5%)");
        await Expect(district).ToContainTextAsync("Quá hạn, chưa nộp: 6 (30%)");
        await Expect(district).ToContainTextAsync("Chưa nộp: 10 (50%)");
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Ban Chỉ đạo cấp huyện", Exact = true })).ToHaveAttributeAsync("aria-valuenow", "20");
        var departments = Block(page, "Sở, ban, ngành, đoàn thể tỉnh");
        await Expect(departments).ToContainTextAsync("Đã nộp 1/29 (3%)");
        await Expect(departments).ToContainTextAsync("Quá hạn, chưa nộp: 28 (97%)");

        var reportTitle = plan.Deliverables.Single(d => d.Id == Report).Title;
        var summaryTitle = plan.Deliverables.Single(d => d.Id == DistrictSummary).Title;
        await Expect(State(page, Name(plan, District[0]), reportTitle)).ToHaveTextAsync("Đúng hạn");
        await Expect(State(page, Name(plan, District[3]), reportTitle)).ToHaveTextAsync("Muộn");
        await Expect(State(page, Name(plan, District[4]), reportTitle)).ToHaveTextAsync("Quá hạn, chưa nộp");
        await Expect(State(page, Name(plan, District[4]), summaryTitle)).ToHaveTextAsync("Chưa nộp");
        await Expect(Row(page, Name(plan, District[0]), reportTitle)).ToContainTextAsync("BG");

        // The district summary, due within May: its last accepted minute, and the plan's wording beside it.
        var next = page.Locator("#next-deadline");
        await Expect(next).ToHaveTextAsync(DayMonthYear());
        await Expect(next).ToHaveTextAsync(await NextDeadlineAsync(cycleId));
        await Expect(next).ToHaveTextAsync("31/05/2024 23:59");
        await Expect(page.Locator("#next-deadline-text")).ToHaveTextAsync("(trong tháng 05/2024)");
        await Expect(Figure(page, "Phải nộp")).ToHaveTextAsync("53");
        await Expect(Figure(page, "Quá hạn, chưa nộp")).ToHaveTextAsync("38");
        await Expect(page.Locator("#deadlines-table")).ToContainTextAsync(plan.Deliverables.Single(d => d.Id == Report).Deadline.Describe());
        await Expect(page.Locator("#rounds-table")).ToContainTextAsync("Giấy khen của Giám đốc Công an tỉnh");
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"{Name(plan, District[3])} nộp «{reportTitle}» muộn");
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"{Name(plan, District[0])} nộp «{reportTitle}» đúng hạn");

        // Another report arrives while the page is open: the counts change without a reload.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, tokens[District[4]], DistrictSummary, seed: 5);
        await Expect(district).ToContainTextAsync("Đúng hạn: 4 (20%)");
        await Expect(district).ToContainTextAsync("Chưa nộp: 9 (45%)");
        await Expect(State(page, Name(plan, District[4]), summaryTitle)).ToHaveTextAsync("Đúng hạn");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));

        var screenshot = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

        // Filters ask the API for one block and one subject.
        await page.GetByLabel("Khối", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ban Chỉ đạo cấp huyện" });
        await page.GetByLabel("Nội dung", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = reportTitle });
        await Expect(page.Locator("#units-table tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#units-count")).ToHaveTextAsync("10 dòng");

        // The list of all cycles, and back to this one by choosing it.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Tất cả kỳ báo cáo" }).ClickAsync();
        var listed = page.Locator("#cycles-table tbody tr").Filter(new() { HasText = plan.Number });
        await Expect(listed.First).ToContainTextAsync("Đang chạy");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(screenshot)!, "dashboard-cycles.png") });
        await page.Locator($"#cycles-table a[href='#cycle={cycleId}']").ClickAsync();
        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync(plan.Title);

        Assert.Empty(fixture.Browser.OffMachineRequests);
        await page.CloseAsync();
    }

    [Fact]
    public async Task WrongKey_ShowsAVietnameseError_AndTheLoginForm()
    {
        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, "/dashboard/#key=khoa-sai&cycle=khong-co").ToString());

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Khoá vận hành không đúng hoặc đã hết hiệu lực. Vui lòng nhập lại khoá.");
        await Expect(page.GetByLabel("Khoá vận hành")).ToBeVisibleAsync();
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-wrong-key.png") });

        // The right key through the form; the cycle in the address does not exist, and the page says so.
        await page.GetByLabel("Khoá vận hành").FillAsync(fixture.Host.OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Không tìm thấy kỳ báo cáo này. Kiểm tra lại mã kỳ báo cáo.");
        await Expect(page.GetByLabel("Khoá vận hành")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    private async Task StartCycleAsync(string cycleId, string planJson)
    {
        // A stepped rehearsal from the plan's issue day: the test moves the cycle's clock itself.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles?id={cycleId}&rehearsal=step&from={Uri.EscapeDataString(DashboardFixture.Start.ToString("O"))}") { Content = new StringContent(planJson, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var response = await fixture.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"start: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Moves the rehearsal's clock and waits until the cycle, and so the upload boundary, stands there.</summary>
    private async Task AdvanceAsync(string cycleId, DateTimeOffset to)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles/{cycleId}/rehearsal/advance") { Content = JsonContent.Create(new { to }) })
        {
            request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
            using var response = await fixture.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"advance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/cycles/{cycleId}");
            request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
            using var response = await fixture.Http.SendAsync(request);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (json.RootElement.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object
                && progress.TryGetProperty("standsAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() == to)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the cycle did not stand at {to:O} within 60 s");
            await Task.Delay(200);
        }
    }

    /// <summary>Each unit's token, once its plan notice has reached the mail sink.</summary>
    private async Task<Dictionary<string, string>> TokensAsync(string cycleId, string[] units)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var tokens = units.Select(u => (Unit: u, Token: UnitUploads.TokenFromNotice(fixture.Sink, cycleId, u))).ToList();
            if (tokens.All(t => t.Token is not null))
            {
                return tokens.ToDictionary(t => t.Unit, t => t.Token!);
            }

            Assert.True(DateTime.UtcNow < deadline, $"no plan notice within 90 s for {string.Join(", ", tokens.Where(t => t.Token is null).Select(t => t.Unit))}");
            await Task.Delay(200);
        }
    }

    /// <summary>The API's next deadline (the cutoff) as the page must show it: the last accepted minute, dd/MM/yyyy HH:mm in Vietnam time.</summary>
    private async Task<string> NextDeadlineAsync(string cycleId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/cycles/{cycleId}");
        request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var response = await fixture.Http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var instant = json.RootElement.GetProperty("nextDeadline").GetDateTimeOffset().AddMilliseconds(-1);
        return instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Name(Plan plan, string unitId) => plan.Units.Single(u => u.Id == unitId).Name;

    private static ILocator Block(IPage page, string name) =>
        page.Locator(".block").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    private static ILocator Row(IPage page, string unitName, string subjectTitle) =>
        page.Locator("#units-table tbody tr")
            .Filter(new() { Has = page.Locator("td:nth-child(1)", new() { HasTextString = unitName }) })
            .Filter(new() { Has = page.Locator("td:nth-child(3)", new() { HasTextString = subjectTitle }) });

    private static ILocator Figure(IPage page, string label) =>
        page.Locator(".figure").Filter(new() { Has = page.Locator("dt", new() { HasTextString = label }) }).Locator("dd");

    private static ILocator State(IPage page, string unitName, string subjectTitle) => Row(page, unitName, subjectTitle).Locator(".state");

    [GeneratedRegex(@"^Cập nhật lúc \d{2}:\d{2}:\d{2}$")]
    private static partial Regex UpdatedAt();

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4}")]
    private static partial Regex DayMonthYear();
}
