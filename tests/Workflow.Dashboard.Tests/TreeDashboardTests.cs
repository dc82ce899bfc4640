using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Domain.Serialization;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// The tree of levels in the browser: a province cycle with two district relays, each issuing its own plan to its
/// communes; some communes report on time, one late, the rest not at all. The province's page lists the relays with
/// their sub-cycles' progress, a relay opens onto its sub-cycle inline, and its link leads to the sub-cycle's page with
/// the province above it and the district's report up pre-filled.
/// </summary>
public sealed class TreeDashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Report = "bao-cao";
    private const string YenThe = "bcd-yen-the";
    private const string TanYen = "bcd-tan-yen";

    static TreeDashboardTests() => SetDefaultExpectTimeout(20_000);

    private static DateTimeOffset Vn(int month, int day, int hour) => new DateTimeOffset(2024, month, day, hour, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    [Fact]
    public async Task Province_SeesItsRelaysAsATree_OpensASubCycleInline_AndFollowsItToItsPage()
    {
        var planJson = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "Workflow.Dashboard.Tests", "plans", "cay-don-vi-2024.plan.json"));
        var plan = PlanJson.Read(planJson).Plan!;
        var cycleId = "cay-" + Guid.NewGuid().ToString("N")[..8];
        using (var request = Operator(HttpMethod.Post, $"api/cycles?id={cycleId}&rehearsal=step&from={Uri.EscapeDataString(DashboardFixture.Start.ToString("O"))}"))
        {
            request.Content = new StringContent(planJson, Encoding.UTF8, "application/json");
            using var response = await fixture.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"start: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // Each district issues its plan: its communes' deadline before the district's own to the province. Tân Yên
        // through the API (which also waits until the province's cycle runs), Yên Thế through the dashboard's form.
        var tanYenCycle = await IssueAsync(cycleId, TanYen, "08/KH-BCĐ");
        var yenTheCycle = await IssueThroughDashboardAsync(cycleId, YenThe, "12/KH-BCĐ");
        Assert.Equal($"{cycleId}.{YenThe}", yenTheCycle);
        string[] yenThe = ["xa-dong-tam", "xa-tam-tien", "xa-dong-vuong"];
        string[] tanYen = ["xa-cao-xa", "xa-lam-cot", "xa-lien-son", "xa-viet-lap"];
        var yenTheTokens = await TokensAsync(yenTheCycle, yenThe);
        var tanYenTokens = await TokensAsync(tanYenCycle, tanYen);

        // The top's advance reaches only sub-cycles already running: wait until both run and stand on their clock.
        await StandingAsync([yenTheCycle, tanYenCycle], null);

        // 11/03: two of Yên Thế's three communes and one of Tân Yên's four report on time.
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, yenTheTokens[yenThe[0]], Report, seed: 3);
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, yenTheTokens[yenThe[1]], Report, seed: 5);
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, tanYenTokens[tanYen[0]], Report, seed: 2);

        // Past the districts' deadline (before 20/04): advanced at the top, the province's clock moves its sub-cycles too.
        await AdvanceAsync(cycleId, Vn(4, 22, 9), [cycleId, yenTheCycle, tanYenCycle]);
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, tanYenTokens[tanYen[1]], Report, seed: 4);
        await AdvanceAsync(cycleId, Vn(4, 27, 9), [cycleId, yenTheCycle, tanYenCycle]);

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync(plan.Title);
        await Expect(page.Locator("#parent-crumb")).ToBeHiddenAsync();
        var relays = page.Locator("#relays > li.relay");
        await Expect(relays).ToHaveCountAsync(2);

        // Each relay row: its units, its sub-cycle's phase and the counts the API gives for it.
        using var rows = await GetAsync($"api/cycles/{cycleId}/relays");
        foreach (var row in rows.RootElement.EnumerateArray())
        {
            var item = page.Locator($"#relays > li.relay[data-relay='{row.GetProperty("unitId").GetString()}']");
            await Expect(item).ToContainTextAsync(row.GetProperty("name").GetString()!);
            await Expect(item).ToContainTextAsync($"{row.GetProperty("unitsUnder").GetInt32()} đơn vị trực thuộc");
            await Expect(item).ToContainTextAsync(row.GetProperty("phaseLabel").GetString()!);
            await Expect(item.Locator("[data-relay-count='on-time']")).ToHaveTextAsync($"Đúng hạn: {row.GetProperty("onTime").GetInt32()}");
            await Expect(item.Locator("[data-relay-count='late']")).ToHaveTextAsync($"Muộn: {row.GetProperty("late").GetInt32()}");
            await Expect(item.Locator("[data-relay-count='missing']")).ToHaveTextAsync($"Quá hạn, chưa nộp: {row.GetProperty("missing").GetInt32()}");
            var expected = row.GetProperty("expected").GetInt32();
            var submitted = row.GetProperty("onTime").GetInt32() + row.GetProperty("late").GetInt32();
            await Expect(item.Locator("[data-relay-count='submitted']")).ToContainTextAsync($"Đã nộp {submitted}/{expected}");
        }

        // Opening Tân Yên: a disclosure button, and its sub-cycle's current figures, as the API has them, inline.
        var tanYenName = plan.Units.Single(u => u.Id == TanYen).Name;
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = tanYenName });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        var region = page.GetByRole(AriaRole.Region, new() { Name = $"Kỳ báo cáo cấp dưới của {tanYenName}" });
        await Expect(region).ToBeVisibleAsync();
        string subTitle;
        using (var sub = await GetAsync($"api/cycles/{tanYenCycle}"))
        {
            subTitle = sub.RootElement.GetProperty("title").GetString()!;
            var blocks = sub.RootElement.GetProperty("blocks").EnumerateArray().ToList();
            int Sum(string field) => blocks.Sum(b => b.GetProperty(field).GetInt32());
            Assert.Equal((4, 1, 1, 2), (Sum("expected"), Sum("onTime"), Sum("late"), Sum("missing")));
            await Expect(region.Locator("[data-sub-count='submitted']")).ToContainTextAsync($"Đã nộp {Sum("onTime") + Sum("late")}/{Sum("expected")}");
            await Expect(region.Locator("[data-sub-count='on-time']")).ToHaveTextAsync($"Đúng hạn: {Sum("onTime")}");
            await Expect(region.Locator("[data-sub-count='late']")).ToHaveTextAsync($"Muộn: {Sum("late")}");
            await Expect(region.Locator("[data-sub-count='missing']")).ToHaveTextAsync($"Quá hạn, chưa nộp: {Sum("missing")}");
            await Expect(region.Locator("[data-sub-count='pending']")).ToHaveTextAsync($"Chưa nộp: {Sum("pending")}");
            await Expect(region).ToContainTextAsync(sub.RootElement.GetProperty("progress").GetProperty("phaseLabel").GetString()!);
        }

        // The open relay stays open, and keeps focus, across the page's own refresh.
        await toggle.FocusAsync();
        await page.WaitForTimeoutAsync(5_500);
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(toggle).ToBeFocusedAsync();
        // Yên Thế, not opened, shows no sub-cycle.
        await Expect(page.Locator($"#relays > li.relay[data-relay='{YenThe}'] .relay-sub")).ToBeHiddenAsync();

        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.Locator("#relays-panel").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-tree.png"), FullPage = true });

        // The link opens the sub-cycle's own page, which names the province's cycle above it and links back.
        await region.GetByRole(AriaRole.Link, new() { Name = $"Mở trang kỳ báo cáo: {subTitle}", Exact = true }).ClickAsync();
        await Expect(page.Locator("#cycle-id")).ToHaveTextAsync($"Mã: {tanYenCycle}");
        var crumb = page.GetByRole(AriaRole.Navigation, new() { Name = "Kỳ báo cáo cấp trên" });
        await Expect(crumb).ToContainTextAsync("Thuộc kỳ báo cáo:");
        await Expect(crumb.GetByRole(AriaRole.Link, new() { Name = plan.Title, Exact = true })).ToHaveAttributeAsync("href", $"#cycle={cycleId}");
        await Expect(crumb).ToContainTextAsync(tanYenName);
        await Expect(page.Locator("#relays-panel")).ToBeHiddenAsync();
        // Its clock follows the province's: no advance here.
        await Expect(page.Locator("#advance-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#rehearsal-follows")).ToBeVisibleAsync();

        // The district's report up, pre-filled from its communes' reports: base completion and the summed figures.
        using (var rollUp = await GetAsync($"api/cycles/{tanYenCycle}/rollups/{Report}"))
        {
            var article = page.Locator($"#rollups article.rollup[data-deliverable='{Report}']");
            await Expect(article).ToContainTextAsync(rollUp.RootElement.GetProperty("baseText").GetString()!);
            foreach (var figure in rollUp.RootElement.GetProperty("figures").EnumerateArray())
            {
                var field = $"{figure.GetProperty("form").GetString()}.{figure.GetProperty("field").GetString()}";
                await Expect(article.Locator($"tr[data-field='{field}'] td.num")).ToHaveTextAsync(figure.GetProperty("value").GetString()!);
            }
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-sub-cycle.png"), FullPage = true });

        // Back up through the breadcrumb: the province's page, with its relays closed again.
        await crumb.GetByRole(AriaRole.Link, new() { Name = plan.Title, Exact = true }).ClickAsync();
        await Expect(page.Locator("#cycle-id")).ToHaveTextAsync($"Mã: {cycleId}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = tanYenName })).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Empty(fixture.Browser.OffMachineRequests);
        await page.CloseAsync();
    }

    private HttpRequestMessage Operator(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        return request;
    }

    private async Task<JsonDocument> GetAsync(string path)
    {
        using var request = Operator(HttpMethod.Get, path);
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>
    /// Issues the relay's plan from its row on the parent's page: first a date on the relay's own deadline to the parent,
    /// refused with the reason beside that subject's input, then a date before it.
    /// </summary>
    private async Task<string> IssueThroughDashboardAsync(string cycleId, string relayId, string number)
    {
        string parentLastDay, parentText, title;
        using (var planView = await GetAsync($"api/cycles/{cycleId}/relays/{relayId}/plan"))
        {
            Assert.Equal(JsonValueKind.Null, planView.RootElement.GetProperty("subCycleId").ValueKind);
            var subject = planView.RootElement.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("id").GetString() == Report);
            parentLastDay = subject.GetProperty("parentLastDay").GetString()!;
            parentText = subject.GetProperty("parentDeadlineText").GetString()!;
            title = subject.GetProperty("title").GetString()!;
        }

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        var row = page.Locator($"#relays > li.relay[data-relay='{relayId}']");
        await Expect(row).ToHaveAttributeAsync("data-issued", "false");
        // The relay issued through the API offers no form.
        await Expect(page.Locator($"#relays > li.relay[data-relay='{TanYen}'][data-issued='true']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#relays > li.relay[data-relay='{TanYen}'] .relay-plan-open")).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = "Ban hành kế hoạch cấp mình" }).ClickAsync();
        var form = row.Locator("form.relay-plan-form");
        await Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Số kế hoạch").FillAsync(number);
        var date = form.GetByLabel($"{title} — hạn của đơn vị với cấp trên: {parentText}");
        var subjectSet = form.Locator($"fieldset[data-subject='{Report}']");
        // On the province's last day: the host refuses it, and says so beside this subject's date.
        await subjectSet.Locator("select").SelectOptionAsync("by");
        await date.FillAsync(parentLastDay);
        await form.GetByRole(AriaRole.Button, new() { Name = "Ban hành kế hoạch", Exact = true }).ClickAsync();
        var error = subjectSet.Locator(".field-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync($"hạn cuối {parentLastDay[8..]}/{parentLastDay[5..7]}/{parentLastDay[..4]}");
        await Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kế hoạch chưa được ban hành");
        await Expect(form.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("null");
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await form.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-relay-plan.png"), FullPage = true });

        // Before 20/04, as the API issue does: accepted, and the row becomes the sub-cycle's.
        await subjectSet.Locator("select").SelectOptionAsync("before");
        await date.FillAsync("2024-04-20");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ban hành kế hoạch", Exact = true }).ClickAsync();
        var subCycle = $"{cycleId}.{relayId}";
        await Expect(row).ToHaveAttributeAsync("data-sub-cycle", subCycle);
        await Expect(row.Locator(".relay-toggle")).ToBeVisibleAsync();
        await Expect(row.Locator(".relay-plan-open")).ToHaveCountAsync(0);
        await page.CloseAsync();
        return subCycle;
    }

    /// <summary>Issues the relay's plan, retrying while the parent cycle is still recording its own.</summary>
    private async Task<string> IssueAsync(string cycleId, string relayId, string number)
    {
        var body = JsonSerializer.Serialize(new { number, deadlines = new Dictionary<string, object> { [Report] = new { semantics = "before", date = "2024-04-20" } } });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var request = Operator(HttpMethod.Post, $"api/cycles/{cycleId}/relays/{relayId}/plan");
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await fixture.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var json = JsonDocument.Parse(text);
                return json.RootElement.GetProperty("cycleId").GetString()!;
            }

            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict && DateTime.UtcNow < deadline, $"issue {relayId}: {(int)response.StatusCode} {text}");
            await Task.Delay(300);
        }
    }

    /// <summary>Moves the top cycle's clock and waits until every cycle of the tree stands there.</summary>
    private async Task AdvanceAsync(string cycleId, DateTimeOffset to, string[] tree)
    {
        using (var request = Operator(HttpMethod.Post, $"api/cycles/{cycleId}/rehearsal/advance"))
        {
            request.Content = JsonContent.Create(new { to });
            using var response = await fixture.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"advance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await StandingAsync(tree, to);
    }

    /// <summary>Waits until every cycle named runs and its stepped clock stands at <paramref name="to"/> (anywhere when null).</summary>
    private async Task StandingAsync(string[] tree, DateTimeOffset? to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        foreach (var id in tree)
        {
            while (true)
            {
                using var json = await GetAsync($"api/cycles/{id}");
                if (json.RootElement.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object
                    && json.RootElement.GetProperty("runtimeStatus").GetString() == "running"
                    && progress.TryGetProperty("standsAt", out var stands) && stands.ValueKind == JsonValueKind.String && (to is null || stands.GetDateTimeOffset() == to))
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{id} did not stand at {to:O} within 90 s: {json.RootElement.GetProperty("runtimeStatus")} {(progress.ValueKind == JsonValueKind.Object ? progress.GetRawText() : "")}");
                await Task.Delay(200);
            }
        }
    }

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
}
