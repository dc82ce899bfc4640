using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>The login: an account's key is checked with GET /api/me, the header says who is in, logout and a revoked key return to the login.</summary>
public sealed class LoginTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AnAccountLogsIn_SeesWhoItIs_AndIsSentBackToTheLoginWhenRevokedOrLoggedOut()
    {
        using var admin = new HttpRequestMessage(HttpMethod.Post, "/api/operators") { Content = JsonContent.Create(new { name = "Cán bộ theo dõi", role = "viewer", scope = "*" }) };
        admin.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var issued = await fixture.Http.SendAsync(admin);
        var account = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        var key = account.GetProperty("key").GetString()!;
        var id = account.GetProperty("operator").GetProperty("id").GetString()!;

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, "/dashboard/").ToString());
        await page.GetByLabel("Khoá vận hành").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#who")).ToHaveTextAsync("Cán bộ theo dõi · chỉ xem · phạm vi: toàn hệ thống");
        await Expect(page.GetByLabel("Khoá vận hành")).ToBeHiddenAsync();
        // A viewer starts nothing: the form to start a cycle is not offered.
        await Expect(page.Locator("#start-panel")).ToBeHiddenAsync();
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-logged-in.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Thoát" }).ClickAsync();
        await Expect(page.GetByLabel("Khoá vận hành")).ToBeVisibleAsync();
        await Expect(page.Locator("#who")).ToBeHiddenAsync();

        // In again, then the account is revoked: the next refresh gets 401 and returns to the login.
        await page.GetByLabel("Khoá vận hành").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#who")).ToBeVisibleAsync();
        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/operators/{id}/revoke");
        revoke.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        (await fixture.Http.SendAsync(revoke)).EnsureSuccessStatusCode();
        await Expect(page.GetByLabel("Khoá vận hành")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Khoá vận hành không đúng hoặc đã hết hiệu lực. Vui lòng nhập lại khoá.");
        await page.CloseAsync();
    }
}
