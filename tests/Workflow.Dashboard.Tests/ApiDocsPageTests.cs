using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>The API reference at /api/docs renders in a browser with nothing loaded from outside the machine.</summary>
public sealed class ApiDocsPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task TheReferenceRendersTheDocument_Offline()
    {
        var page = await fixture.Browser.Context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(fixture.Host.Address, "/api/docs").ToString());
        await Expect(page).ToHaveTitleAsync("Workflow — Tài liệu API");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "api-docs.png") });
        // The tags come from /openapi/v1.json, fetched and rendered by the page (the models are listed collapsed).
        await Expect(page.GetByText("Kỳ báo cáo (cán bộ vận hành)").First).ToBeAttachedAsync(new() { Timeout = 30_000 });

        Assert.Empty(fixture.Browser.OffMachineRequests);
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
