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
    private const string Commune = "xa-tan-an";

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
    public async Task CommuneUnit_SeesItsCommuneOnlyAndFileOnlyForms_UploadsTheFilledForm_AndTheReceiptNamesBothFiles_WhileADistrictSeesNeither()
    {
        var sample = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var communeOnly = new UnitScope { Blocks = ["commune"] };
        var plan = sample with
        {
            Blocks = [.. sample.Blocks.Where(b => b.Id != "commune"), new Block("commune", "Ban Chỉ đạo cấp xã")],
            Units =
            [
                .. sample.Units.Where(u => u.Block == "district-committee").Take(1),
                new Unit { Id = Commune, Name = "Ban Chỉ đạo xã Tân An", Block = "commune", Emails = ["bcd@tanan.yendung.bacgiang.example"] },
            ],
            Deliverables =
            [
                sample.Deliverables.Single(d => d.Id == "bao-cao-tong-ket") with
                {
                    AppliesTo = new UnitScope { Blocks = ["district-committee", "commune"] },
                    Forms =
                    [
                        new StatisticalForm { Id = "bieu-01", Title = "Biểu 01 – Số liệu chung", Fields = [new FormField { Id = "soVu", Label = "Số vụ việc", Type = FieldType.Integer, Unit = "vụ" }] },
                        new StatisticalForm { Id = "bieu-xa", Title = "Biểu cấp xã", AppliesTo = communeOnly, Fields = [new FormField { Id = "soTo", Label = "Số tổ an ninh nhân dân", Type = FieldType.Integer, Unit = "tổ" }] },
                        new StatisticalForm { Id = "bieu-mau-3", Title = "Biểu mẫu 3", AppliesTo = communeOnly, Templates = [new FormTemplate("Mẫu thống kê cấp xã", "bieu-mau-3.xlsx")] },
                    ],
                },
            ],
            NominationRounds = [],
            Targets = [],
        };
        var cycleId = "bg-xa-" + Guid.NewGuid().ToString("N")[..8];
        var template = Xlsx("mẫu biểu mẫu 3");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(PlanJson.Write(plan), Encoding.UTF8, "application/json"), "plan");
            form.Add(new ByteArrayContent(template), "templates", "bieu-mau-3.xlsx");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles?id={cycleId}&rehearsal=step&from={Uri.EscapeDataString(DashboardFixture.Start.ToString("O"))}") { Content = form };
            request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
            using var response = await fixture.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/u/{Uri.EscapeDataString(await TokenAsync(cycleId, Commune))}").ToString());
        var task = page.Locator("article.task");
        await Expect(task.Locator("legend")).ToHaveTextAsync(["Biểu 01 – Số liệu chung", "Biểu cấp xã", "Biểu mẫu 3"]);
        var link = task.GetByRole(AriaRole.Link, new() { Name = "Tải tệp mẫu: Mẫu thống kê cấp xã (bieu-mau-3.xlsx)" });
        await Expect(link).ToBeVisibleAsync();
        // The link downloads the template with the unit's own token, as the link in its e-mail does.
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith("/api/unit/templates/bieu-mau-3.xlsx?token=", href, StringComparison.Ordinal);
        Assert.Equal(template, await fixture.Http.GetByteArrayAsync(href!.TrimStart('/')));

        await task.GetByLabel("Số vụ việc (vụ)").FillAsync("4");
        await task.GetByLabel("Số tổ an ninh nhân dân (tổ)").FillAsync("12");
        await task.GetByLabel("Tệp báo cáo").SetInputFilesAsync(new FilePayload { Name = "bao-cao-xa-tan-an.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% bao cao\n%%EOF\n") });
        await task.GetByLabel("Tệp đã điền: Biểu mẫu 3").SetInputFilesAsync(new FilePayload
        {
            Name = "bieu-mau-3-xa-tan-an.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Xlsx("biểu mẫu 3 của xã Tân An"),
        });
        await task.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();

        var receipt = page.Locator("article.task").GetByRole(AriaRole.Status);
        await Expect(receipt).ToContainTextAsync("Báo cáo: bao-cao-xa-tan-an.pdf");
        await Expect(receipt).ToContainTextAsync("Biểu mẫu 3: bieu-mau-3-xa-tan-an.xlsx");
        await Expect(page.Locator("article.task")).ToContainTextAsync("Tình trạng: Đã nộp đúng hạn — biên nhận");
        await Expect(page.Locator("#receipts tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#receipts")).ToContainTextAsync("Biểu mẫu 3: bieu-mau-3-xa-tan-an.xlsx");
        // The receipt e-mail names both files too.
        var mail = await UnitUploads.ReceiptMailAsync(fixture.Sink, cycleId, "bcd@tanan.yendung.bacgiang.example");
        Assert.Contains("- Báo cáo: bao-cao-xa-tan-an.pdf (", mail, StringComparison.Ordinal);
        Assert.Contains("- Biểu mẫu 3: bieu-mau-3-xa-tan-an.xlsx (", mail, StringComparison.Ordinal);
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-page-forms.png"), FullPage = true });

        // The operator downloads the filled form from the unit's row on the dashboard, under the name it was sent with.
        var dashboard = await fixture.Browser.Context.NewPageAsync();
        await dashboard.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={fixture.Host.OperatorKey}&cycle={cycleId}").ToString());
        var row = dashboard.Locator($"#units-table tbody tr[data-unit='{Commune}']");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Báo cáo", "Biểu mẫu 3"]);
        var download = await dashboard.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { Name = "Biểu mẫu 3" }).ClickAsync());
        Assert.Equal("bieu-mau-3-xa-tan-an.xlsx", download.SuggestedFilename);
        await dashboard.CloseAsync();

        // A district unit fills the common form only: no commune form, no commune template.
        var district = plan.Units[0];
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/u/{Uri.EscapeDataString(await TokenAsync(cycleId, district.Id))}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = district.Name })).ToBeVisibleAsync();
        await Expect(page.Locator("article.task legend")).ToHaveTextAsync(["Biểu 01 – Số liệu chung"]);
        await Expect(page.Locator("article.task")).Not.ToContainTextAsync("Biểu cấp xã");
        await Expect(page.Locator("article.task")).Not.ToContainTextAsync("Biểu mẫu 3");
        await Expect(page.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
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

    private async Task<string> TokenAsync(string cycleId, string unitId)
    {
        string? token = null;
        for (var waited = 0; token is null && waited < 300; waited++)
        {
            token = UnitUploads.TokenFromNotice(fixture.Sink, cycleId, unitId);
            await Task.Delay(200);
        }

        return token ?? throw new InvalidOperationException($"No plan notice to {unitId} in {cycleId}.");
    }

    /// <summary>A minimal Excel workbook, as the content check takes it.</summary>
    private static byte[] Xlsx(string text)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[]
            {
                ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                ("xl/workbook.xml", $"<?xml version=\"1.0\"?><workbook>{text}</workbook>"),
            })
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}
