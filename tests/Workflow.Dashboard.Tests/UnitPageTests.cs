using System.Net;
using System.Text;
using Microsoft.Playwright;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>The page a unit opens from the link in its plan notice: its task, the upload form built from the plan, its receipt.</summary>
public sealed class UnitPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Unit = "bcd-yen-the";

    static UnitPageTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task UnitLink_OpensItsTasks_AndAReportUploadedThroughThePageGetsAReceipt()
    {
        var sample = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var plan = sample with
        {
            Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(3)],
            Deliverables = [sample.Deliverables.Single(d => d.Id == "bao-cao-tong-ket")],
            NominationRounds = [],
            Targets = [],
        };
        var cycleId = "bg-unit-" + Guid.NewGuid().ToString("N")[..8];
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

        Assert.NotNull(token);
        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/u/{Uri.EscapeDataString(token)}").ToString());

        var unitName = plan.Units.Single(u => u.Id == Unit).Name;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = unitName })).ToBeVisibleAsync();
        var task = page.Locator("article.task");
        await Expect(task.GetByRole(AriaRole.Heading)).ToHaveTextAsync(plan.Deliverables[0].Title);
        await Expect(task).ToContainTextAsync("Thời hạn: trước ngày 01/05/2024 — nhận đến 30/04/2024 23:59.");
        await Expect(task).ToContainTextAsync("Tình trạng: Chưa nộp");

        // A file that is not what its name says is refused, with the reason on the page.
        await page.Locator("input[type=number]").EvaluateAllAsync<int>("inputs => { inputs.forEach((input, i) => input.value = String(i % 9)); return inputs.length; }");
        await task.GetByLabel("Tệp báo cáo").SetInputFilesAsync(new FilePayload { Name = "bao-cao.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("MZ\u0090\u0000 not a pdf") });
        await task.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await Expect(task.GetByRole(AriaRole.Status)).ToContainTextAsync("không phải định dạng .pdf như tên tệp ghi");

        await task.GetByLabel("Tệp báo cáo").SetInputFilesAsync(new FilePayload { Name = "Báo cáo tổng kết.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% báo cáo\n%%EOF\n") });
        await task.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await Expect(page.Locator("article.task")).ToContainTextAsync("Tình trạng: Đã nộp đúng hạn — biên nhận");
        await Expect(page.Locator("#receipts tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#receipts tr")).ToContainTextAsync("Đúng hạn");

        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-page.png"), FullPage = false });
        await page.CloseAsync();
    }

    [Fact]
    public async Task ForgedLink_ShowsAVietnameseError()
    {
        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, "/dashboard/unit.html?token=v1.Zm9y.Z2Vk.1.x").ToString());

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Đường dẫn không hợp lệ hoặc kỳ báo cáo đã kết thúc.");
        await page.CloseAsync();
    }
}
