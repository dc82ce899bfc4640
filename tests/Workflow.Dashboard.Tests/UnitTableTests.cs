using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;
using Workflow.Domain.Serialization;
using Workflow.Storage;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// A unit fills a table field on its page: rows added by hand (one wrong, refused by the server with the error beside
/// its cell, then fixed), submitted and stored; then the same rows typed into the downloaded template and uploaded fill
/// the table again.
/// </summary>
public sealed class UnitTableTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Unit = "bcd-yen-the";
    private const string Label = "Đơn vị chưa đạt danh hiệu «An toàn về ANTT»";

    static UnitTableTests() => SetDefaultExpectTimeout(20_000);

    private static readonly FormField Table = new()
    {
        Id = "chua-dat",
        Label = Label,
        Type = FieldType.Table,
        MaxRows = 20,
        GroupBy = "nam",
        Columns =
        [
            new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true },
            new TableColumn { Id = "don-vi", Label = "Đơn vị", Type = ColumnType.Text, Required = true },
            new TableColumn { Id = "tieu-chi", Label = "Tiêu chí không đạt", Type = ColumnType.Choice, Choices = ["Tiêu chí 1", "Tiêu chí 2"] },
            new TableColumn { Id = "ngay", Label = "Ngày đánh giá", Type = ColumnType.Date },
        ],
    };

    /// <summary>The rows the unit reports, as cells the page shows: year, unit, choice, date (yyyy-MM-dd, as a date input holds it).</summary>
    private static readonly string[][] Rows =
    [
        ["2023", "Xã Đồng Tâm", "Tiêu chí 1", "2023-12-15"],
        ["2022", "Xã Tam Tiến", "", ""],
        ["2021", "Thị trấn Cầu Gồ", "Tiêu chí 2", "2021-06-30"],
    ];

    private static Plan TablePlan(Plan sample) => sample with
    {
        Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(3)],
        Deliverables =
        [
            sample.Deliverables.Single(d => d.Id == "bao-cao-tong-ket") with
            {
                Forms =
                [
                    new StatisticalForm
                    {
                        Id = "bieu-04",
                        Title = "Biểu 04: đơn vị chưa đạt danh hiệu",
                        Fields = [new FormField { Id = "so-don-vi", Label = "Số đơn vị được đánh giá", Type = FieldType.Integer, Unit = "đơn vị" }, Table],
                    },
                ],
            },
        ],
        NominationRounds = [],
        Targets = [],
    };

    [Fact]
    public async Task Unit_FillsATableByHand_SeesTheServersErrorBesideTheCell_Submits_ThenFillsItFromTheTemplate()
    {
        var sample = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var plan = TablePlan(sample);
        var cycleId = "bg-bang-" + Guid.NewGuid().ToString("N")[..8];
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
        var task = page.Locator("article.task");
        var table = task.GetByRole(AriaRole.Table, new() { Name = Label });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("thead th")).ToHaveTextAsync(["STT", "Năm *", "Đơn vị *", "Tiêu chí không đạt", "Ngày đánh giá", ""]);

        // Three rows by hand; the second one's year is wrong ("23").
        for (var i = 0; i < 3; i++)
        {
            await task.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        }

        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await FillRowAsync(page, i + 1, i == 1 ? ["23", .. Rows[i][1..]] : Rows[i]);
        }

        await task.GetByLabel("Số đơn vị được đánh giá").FillAsync("12");
        await task.GetByLabel("Tệp báo cáo").SetInputFilesAsync(new FilePayload { Name = "Báo cáo tổng kết.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% báo cáo\n%%EOF\n") });
        await task.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();

        // The server refuses it, and its message stands beside the wrong cell of the second row, not elsewhere.
        await Expect(task.GetByRole(AriaRole.Status)).ToContainTextAsync("Hồ sơ không được tiếp nhận");
        var wrong = table.Locator("tbody tr").Nth(1).Locator("td[data-column=nam] .cell-error");
        await Expect(wrong).ToHaveTextAsync($"Bảng «{Label}», dòng 2, cột «Năm»: phải là năm (4 chữ số, từ 1945 đến 2100).");
        await Expect(table.Locator(".cell-error")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Năm, dòng 2", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-table-error.png"), FullPage = true });

        await page.GetByLabel("Năm, dòng 2", new() { Exact = true }).FillAsync(Rows[1][0]);
        await Expect(wrong).ToHaveCountAsync(0);
        await task.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await Expect(page.Locator("article.task")).ToContainTextAsync("Tình trạng: Đã nộp đúng hạn — biên nhận");
        await Expect(page.Locator("#receipts tr")).ToHaveCountAsync(1);

        // What was stored with the receipt: the three rows, in order, as the server normalizes them.
        var status = fixture.Host.Services.GetRequiredService<IStatusStore>();
        var row = await status.GetAsync(new SubmissionKey(cycleId, Unit, "bao-cao-tong-ket"));
        var statistics = JsonSerializer.Deserialize<ReportStatistics>(row!.StatisticsJson!, StatisticsJson.Options)!;
        var stored = statistics.Get("bieu-04", "chua-dat")!.Rows!;
        Assert.Equal(Rows.Select(r => string.Join('|', r)), stored.Select(r => string.Join('|', Table.Columns.Select(c => r.GetValueOrDefault(c.Id) ?? ""))));
        Assert.Equal(12, statistics.Get("bieu-04", "so-don-vi")!.Number);

        // The template from the page's link, filled in a spreadsheet with Excel's own types, fills the table again.
        var table2 = page.Locator("article.task").GetByRole(AriaRole.Table, new() { Name = Label });
        await Expect(table2.Locator("tbody tr")).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải mẫu Excel (.xlsx)" }).ClickAsync());
        Assert.Equal($"chua-dat-{Unit}.xlsx", download.SuggestedFilename);
        var filled = Fill(await File.ReadAllBytesAsync((await download.PathAsync())!));
        await page.GetByLabel("Điền bảng từ tệp đã điền (.xlsx, .csv):").SetInputFilesAsync(new FilePayload
        {
            Name = "bang-da-dien.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = filled,
        });

        await Expect(page.Locator(".table-status")).ToHaveTextAsync("Đã điền 3 dòng từ tệp «bang-da-dien.xlsx». Kiểm tra rồi bấm «Nộp báo cáo».");
        await Expect(table2.Locator("tbody tr")).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            for (var c = 0; c < Table.Columns.Count; c++)
            {
                await Expect(page.GetByLabel($"{Table.Columns[c].Label}, dòng {i + 1}", new() { Exact = true })).ToHaveValueAsync(Rows[i][c]);
            }
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "unit-table.png"), FullPage = true });
        Assert.Empty(fixture.Browser.OffMachineRequests);
        await page.CloseAsync();
    }

    private static async Task FillRowAsync(IPage page, int row, string[] cells)
    {
        await page.GetByLabel($"Năm, dòng {row}", new() { Exact = true }).FillAsync(cells[0]);
        await page.GetByLabel($"Đơn vị, dòng {row}", new() { Exact = true }).FillAsync(cells[1]);
        if (cells[2].Length > 0)
        {
            await page.GetByLabel($"Tiêu chí không đạt, dòng {row}", new() { Exact = true }).SelectOptionAsync(cells[2]);
        }

        if (cells[3].Length > 0)
        {
            await page.GetByLabel($"Ngày đánh giá, dòng {row}", new() { Exact = true }).FillAsync(cells[3]);
        }
    }

    /// <summary>
    /// The downloaded template filled as a unit fills it in Excel: under the template's own header row, years as
    /// numbers, dates as date cells, the choices copied from the template's list.
    /// </summary>
    private static byte[] Fill(byte[] template)
    {
        using var source = new MemoryStream(template);
        var sheets = MiniExcel.GetSheetNames(source);
        Assert.Equal(["Dữ liệu", "Hướng dẫn", "Lựa chọn"], sheets);
        source.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcel.Query(source, sheetName: "Dữ liệu").First()).Values.Select(v => (string)v!).ToList();
        Assert.Equal(["Năm", "Đơn vị", "Tiêu chí không đạt", "Ngày đánh giá"], header);
        source.Position = 0;
        var choices = MiniExcel.Query(source, useHeaderRow: true, sheetName: "Lựa chọn").Cast<IDictionary<string, object?>>().Select(r => (string)r.Values.First()!).ToList();

        var rows = Rows.Select(r => new Dictionary<string, object?>
        {
            [header[0]] = int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture),
            [header[1]] = r[1],
            [header[2]] = r[2].Length == 0 ? null : choices.Single(c => c == r[2]),
            [header[3]] = r[3].Length == 0 ? null : DateTime.ParseExact(r[3], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        using var filled = new MemoryStream();
        filled.SaveAs(new Dictionary<string, object> { ["Dữ liệu"] = rows }, printHeader: true, excelType: ExcelType.XLSX);
        return filled.ToArray();
    }
}
