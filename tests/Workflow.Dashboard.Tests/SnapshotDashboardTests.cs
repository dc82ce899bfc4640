using Microsoft.Playwright;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// Tổng hợp ngay on the page: an operator takes a snapshot with the button, sees it listed with who asked and its files
/// and downloads one; a milestone shows among the deadlines, in the timeline and as the next deadline, and the snapshot
/// it takes at its reminder joins the list; the link a milestone's mail carries marks that snapshot.
/// </summary>
public sealed partial class DashboardTests
{
    private const string Conference = "hoi-nghi-so-ket";
    private const string ConferenceTitle = "Hội nghị sơ kết cấp tỉnh";

    [Fact]
    public async Task Snapshots_AreTakenWithTheButton_Listed_AndAMilestoneShowsWithItsOwn()
    {
        var sample = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var plan = sample with
        {
            OperatorEmails = ["thuongtruc@congan.bacgiang.example"],
            Milestones = [new Milestone { Id = Conference, Title = ConferenceTitle, Deadline = Deadline.Before(new DateOnly(2024, 4, 20)), Consolidate = true }],
        };
        var cycleId = "bg-dash-moc-" + Guid.NewGuid().ToString("N")[..8];
        await StartCycleAsync(cycleId, PlanJson.Write(plan));
        var tokens = await TokensAsync(cycleId, [District[0]]);
        await UnitUploads.SubmitReportAsync(fixture.Http, plan, tokens[District[0]], Report, seed: 1);

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync(plan.Title);
        var milestoneRow = page.Locator($"#deadlines-table tr[data-milestone='{Conference}']");
        await Expect(milestoneRow).ToContainTextAsync($"Mốc công việc: {ConferenceTitle}");
        await Expect(milestoneRow).ToContainTextAsync("trước ngày 20/04/2024");
        await Expect(milestoneRow).ToContainTextAsync("19/04/2024 23:59");
        await Expect(milestoneRow).ToContainTextAsync("Nhắc cơ quan thường trực, kèm bản tổng hợp");
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"Mốc công việc sắp tới: «{ConferenceTitle}»");
        await Expect(page.Locator("#snapshots-empty")).ToBeVisibleAsync();

        // Tổng hợp ngay, with who asks: the cycle's own time, the figures then, and its files.
        await page.GetByLabel("Người yêu cầu").FillAsync("Phòng PV01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tổng hợp ngay" }).ClickAsync();
        await Expect(page.Locator("#snapshot-status")).ToContainTextAsync("Đã lập bản tổng hợp lúc 11/03/2024 09:00");
        var rows = page.Locator("#snapshots-table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Phòng PV01");
        await Expect(rows.First.Locator("td:nth-child(3)")).ToHaveTextAsync("1");
        var download = await page.RunAndWaitForDownloadAsync(() => rows.First.GetByRole(AriaRole.Button, new() { Name = "tong-hop.xlsx" }).ClickAsync());
        Assert.Equal("tong-hop.xlsx", download.SuggestedFilename);
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Tổng hợp nhanh, kỳ báo cáo vẫn tiếp tục");

        // The milestone's first reminder: it takes a snapshot of its own, and it is the next deadline.
        await AdvanceAsync(cycleId, Vn(4, 13, 8));
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync($"Tự động theo mốc «{ConferenceTitle}»");
        await Expect(rows.First).ToContainTextAsync("13/04/2024 08:00");
        await Expect(page.Locator("#next-deadline")).ToHaveTextAsync("19/04/2024 23:59");
        await Expect(page.Locator("#next-deadline-text")).ToHaveTextAsync($"(mốc công việc «{ConferenceTitle}»: trước ngày 20/04/2024)");
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"Nhắc mốc công việc «{ConferenceTitle}»: còn 7 ngày");

        // The address a milestone's mail links to marks the snapshot it cites.
        var cited = $"20240413T010000Z-{Conference}";
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#cycle={cycleId}&snapshot={cited}").ToString());
        await Expect(page.Locator($"#snapshots-table tr[data-snapshot='{cited}']")).ToHaveAttributeAsync("aria-current", "true");
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-snapshots.png"), FullPage = true });

        Assert.Empty(fixture.Browser.OffMachineRequests);
        await page.CloseAsync();
    }
}
