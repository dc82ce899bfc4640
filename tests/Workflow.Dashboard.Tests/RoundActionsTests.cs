using System.Net;
using System.Text;
using Microsoft.Playwright;
using Workflow.Domain.Nominations;
using Workflow.Domain.Serialization;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// What a plan leaves for later, in the browser: the unit page shows a round without a deadline and takes nothing for it;
/// the dashboard shows the round "chưa ấn định thời hạn" and a quota "chờ chỉ tiêu", and the operator dates the one and
/// sets the other through the forms on the page (a wrong number is refused naming its field).
/// </summary>
public sealed class RoundActionsTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Unit = "bcd-yen-the";
    private const string Round = "giay-khen-giam-doc";
    private const string Undated = "giay-khen-bo-sung";

    static RoundActionsTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Operator_DatesARound_AndSetsAPendingQuota_FromTheDashboard()
    {
        var sample = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var director = sample.NominationRounds.Single(r => r.Id == Round);
        var plan = sample with
        {
            Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(3)],
            Deliverables = [],
            NominationRounds =
            [
                director with
                {
                    QuotasAreExhaustive = false,
                    Quotas = [new QuotaRule { Id = "chi-tieu-bo", Description = "Số lượng theo chỉ tiêu Bộ Công an giao", Pending = true }],
                },
                director with { Id = Undated, Title = "Giấy khen đợt bổ sung", Deadline = null, Optional = true, Quotas = [] },
            ],
            Targets = [],
        };
        var cycleId = "bg-rounds-" + Guid.NewGuid().ToString("N")[..8];
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles?id={cycleId}&rehearsal=step&from={Uri.EscapeDataString(DashboardFixture.Start.ToString("O"))}") { Content = new StringContent(PlanJson.Write(plan), Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
            using var response = await fixture.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        string? token = null;
        for (var waited = 0; token is null && waited < 300; waited++)
        {
            token = UnitUploads.TokenFromNotice(fixture.Sink, cycleId, Unit);
            await Task.Delay(200);
        }

        // The unit sees the round coming, with no form until it is dated.
        Assert.NotNull(token);
        var unitPage = await fixture.Browser.Context.NewPageAsync();
        await unitPage.GotoAsync(new Uri(fixture.Host.Address, $"/u/{Uri.EscapeDataString(token)}").ToString());
        var undatedTask = unitPage.Locator($"article.task[data-subject='{Undated}']");
        await Expect(undatedTask).ToContainTextAsync("Thời hạn: chưa ấn định thời hạn.");
        await Expect(undatedTask.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Giấy khen đợt bổ sung (không bắt buộc)");
        await Expect(undatedTask.Locator("form")).ToHaveCountAsync(0);

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        await Expect(page.Locator($"#rounds-table tr[data-round='{Undated}']")).ToContainTextAsync("Chưa ấn định thời hạn");
        await Expect(page.Locator($"#rounds-table tr[data-round='{Round}']")).ToContainTextAsync("Chỉ tiêu chưa có số lượng: Số lượng theo chỉ tiêu Bộ Công an giao");
        await Expect(page.Locator("#round-actions-panel")).ToBeVisibleAsync();

        // A quota whose minimum exceeds its maximum is refused, naming the field; the right numbers are taken.
        var quota = page.Locator($"form[data-action='quota'][data-round='{Round}']");
        await quota.GetByLabel("Công an ít nhất").FillAsync("2");
        await quota.GetByLabel("Công an tối đa").FillAsync("1");
        await quota.GetByLabel("Người đề nghị").FillAsync("Phòng PV01");
        await quota.GetByLabel("Lý do, căn cứ").FillAsync("Văn bản số 12/BCA-X03");
        await quota.GetByRole(AriaRole.Button, new() { Name = "Nhập chỉ tiêu" }).ClickAsync();
        await Expect(page.Locator("#round-actions-error")).ToContainTextAsync("minPolice:");
        await quota.GetByLabel("Công an ít nhất").FillAsync("");
        await quota.GetByLabel("Công an tối đa").FillAsync("");
        await quota.GetByLabel("Tổng số tối đa").FillAsync("2");
        await quota.GetByRole(AriaRole.Button, new() { Name = "Nhập chỉ tiêu" }).ClickAsync();
        await Expect(page.Locator("#round-actions-status")).ToContainTextAsync("Đã nhập chỉ tiêu");
        await Expect(page.Locator("form[data-action='quota']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#round-actions-error")).ToBeHiddenAsync();

        // Dating the round: its deadline shows, and its form goes away.
        var date = page.Locator($"form[data-action='date'][data-round='{Undated}']");
        await date.GetByLabel("Thời hạn").SelectOptionAsync("before");
        await date.GetByLabel("Ngày").FillAsync("2024-06-01");
        await date.GetByLabel("Người đề nghị").FillAsync("Phòng PV01");
        await date.GetByLabel("Lý do, căn cứ").FillAsync("Công văn về đợt bổ sung");
        await date.GetByRole(AriaRole.Button, new() { Name = "Ấn định thời hạn" }).ClickAsync();
        await Expect(page.Locator($"#rounds-table tr[data-round='{Undated}']")).ToContainTextAsync("trước ngày 01/06/2024");
        await Expect(page.Locator($"#rounds-table tr[data-round='{Undated}']")).ToContainTextAsync("Đang nhận hồ sơ");
        await Expect(page.Locator("#round-actions-panel")).ToBeHiddenAsync();
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Nhập chỉ tiêu «Số lượng theo chỉ tiêu Bộ Công an giao»");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Ấn định thời hạn «Giấy khen đợt bổ sung»");

        // Dated, the unit's task takes dossiers.
        await unitPage.ReloadAsync();
        await Expect(undatedTask).ToContainTextAsync("Thời hạn: trước ngày 01/06/2024 — nhận đến 31/05/2024 23:59.");
        await Expect(undatedTask.Locator("form")).ToHaveCountAsync(1);
    }
}
