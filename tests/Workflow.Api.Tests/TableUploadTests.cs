using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Tests;

/// <summary>
/// A unit's table field through the unit API: its template (xlsx, csv), rows read back from a filled file (or every
/// bad cell named by its spreadsheet row and column, never a 5xx), and the report's submission checking the rows again.
/// </summary>
public sealed class TableUploadTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Unit = "bcd-yen-the";
    private const string Form = "bieu-bang";
    private const string Field = "chua-dat";
    private const string Route = $"api/unit/tables/{Uploads.Report}/{Form}/{Field}";

    private static readonly FormField Table = new()
    {
        Id = Field,
        Label = "Đơn vị chưa đạt danh hiệu",
        Type = FieldType.Table,
        MaxRows = 10,
        GroupBy = "nam",
        Columns =
        [
            new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true },
            new TableColumn { Id = "don-vi", Label = "Đơn vị", Type = ColumnType.Text, Required = true },
            new TableColumn { Id = "tieu-chi", Label = "Tiêu chí không đạt", Type = ColumnType.Choice, Choices = ["Tiêu chí 1", "Tiêu chí 2"] },
            new TableColumn { Id = "ngay", Label = "Ngày đánh giá", Type = ColumnType.Date },
        ],
    };

    private Plan TablePlan()
    {
        var sample = host.Plan;
        var report = sample.Deliverables.Single(d => d.Id == Uploads.Report);
        return sample with
        {
            Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(2)],
            Deliverables = [report with { Forms = [report.Forms[0], new StatisticalForm { Id = Form, Title = "Biểu 04: đơn vị chưa đạt", Fields = [Table] }] }],
            NominationRounds = [],
            Targets = [],
        };
    }

    private async Task<(Plan Plan, HttpClient Unit)> StartAsync()
    {
        var plan = TablePlan();
        var cycleId = "bg-bang-" + Guid.NewGuid().ToString("N")[..8];
        using var content = new StringContent(PlanJson.Write(plan), Encoding.UTF8, "application/json");
        var started = await host.Operator.PostAsync($"/api/cycles?id={cycleId}&rehearsal=step&from={Uri.EscapeDataString(ApiHost.Vn(3, 11, 9).ToString("O"))}", content);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (plan, host.Unit(await host.TokenAsync(Unit, cycleId)));
    }

    private static MultipartFormDataContent File(string name, byte[] bytes, string type)
    {
        var form = new MultipartFormDataContent();
        form.Add(Uploads.File(bytes, type), "file", name);
        return form;
    }

    private static byte[] Xlsx(IReadOnlyList<string> header, params object?[][] rows)
    {
        var sheet = rows.Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Dữ liệu"] = sheet }, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public async Task Template_IsServedAsAnAttachment_WithTheLabelsInRow1_InXlsxAndCsv()
    {
        var (_, unit) = await StartAsync();
        using (unit)
        {
            using var xlsx = await unit.GetAsync($"{Route}/template");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"{Field}-{Unit}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal("nosniff", xlsx.Headers.GetValues("X-Content-Type-Options").Single());
            using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            Assert.Equal(["Dữ liệu", "Hướng dẫn", "Lựa chọn"], MiniExcel.GetSheetNames(workbook));
            workbook.Position = 0;
            Assert.Equal(["Năm", "Đơn vị", "Tiêu chí không đạt", "Ngày đánh giá"], ((IDictionary<string, object?>)MiniExcel.Query(workbook, sheetName: "Dữ liệu").First()).Values);
            workbook.Position = 0;
            Assert.Contains(MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Hướng dẫn").Cast<IDictionary<string, object?>>(), r => (string?)r["Cột"] == "Đơn vị" && ((string?)r["Kiểu dữ liệu"])!.StartsWith("Ban Chỉ đạo huyện Yên Thế", StringComparison.Ordinal));

            using var csv = await unit.GetAsync($"{Route}/template?format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal("\uFEFFNăm,Đơn vị,Tiêu chí không đạt,Ngày đánh giá\r\n", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));

            var (_, format) = await ApiHost.ProblemAsync(await unit.GetAsync($"{Route}/template?format=pdf"), HttpStatusCode.BadRequest);
            Assert.Equal(["format"], format);
            await ApiHost.ProblemAsync(await unit.GetAsync($"api/unit/tables/{Uploads.Report}/bieu-01-dac-diem-tinh-hinh/soKhuCongNghiep/template"), HttpStatusCode.NotFound);
            await ApiHost.ProblemAsync(await unit.GetAsync($"api/unit/tables/{Uploads.Report}/{Form}/khong-co/template"), HttpStatusCode.NotFound);
        }

        // A link of another cycle's unit reaches nothing here: the template is per unit and per cycle.
        using var anonymous = await host.Anonymous.GetAsync($"{Route}/template");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Rows_FromAFilledWorkbook_ComeBackNormalized_AndBadCellsAreNamedByRowAndColumn()
    {
        var (_, unit) = await StartAsync();
        using var _ = unit;
        string[] header = ["Năm", "Đơn vị", "Tiêu chí không đạt", "Ngày đánh giá"];

        using var good = await unit.PostAsync($"{Route}/rows", File("bang.xlsx", Xlsx(header, [2023, "Xã Đồng Tâm", "Tiêu chí 1", new DateTime(2023, 12, 15)], [2022, "Xã Tam Tiến", null, 45000]), "application/octet-stream"));
        var rows = await ApiHost.ReadAsync(good, HttpStatusCode.OK);
        Assert.Equal((Form, Field, 2), (rows.GetProperty("form").GetString(), rows.GetProperty("field").GetString(), rows.GetProperty("count").GetInt32()));
        Assert.Equal("""[{"nam":"2023","don-vi":"Xã Đồng Tâm","tieu-chi":"Tiêu chí 1","ngay":"2023-12-15"},{"nam":"2022","don-vi":"Xã Tam Tiến","ngay":"2023-03-15"}]""",
            JsonSerializer.Serialize(rows.GetProperty("rows"), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var csv = "Năm,Đơn vị,Tiêu chí không đạt\r\n2023,Xã Đồng Tâm,Tiêu chí 1\r\n23,Xã Tam Tiến,Tiêu chí 9\r\n";
        var (problem, fields) = await ApiHost.ProblemAsync(await unit.PostAsync($"{Route}/rows", File("bang.csv", Encoding.UTF8.GetBytes(csv), "text/csv")), HttpStatusCode.BadRequest);
        Assert.Equal(["rows[1].nam", "rows[1].tieu-chi"], fields);
        Assert.StartsWith("Dòng 3, cột «Năm» (ô A3): ", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, problem.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Rows_FromFilesThatAreNoTable_AreRefusedWithAProblem_NeverA5xx()
    {
        var (_, unit) = await StartAsync();
        using var _ = unit;
        var cases = new (string Name, byte[] Bytes, HttpStatusCode Status)[]
        {
            ("bang.pdf", Uploads.Pdf("báo cáo"), HttpStatusCode.UnsupportedMediaType),
            ("bang.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[200]], HttpStatusCode.UnsupportedMediaType),
            ("bang.xlsx", HostileInputTests.PlainZip(), HttpStatusCode.UnsupportedMediaType),
            ("bang.xlsx", HostileInputTests.ZipBomb(150L * 1024 * 1024), HttpStatusCode.UnsupportedMediaType),
            ("bang.xlsx", WorkbookBomb(150), HttpStatusCode.RequestEntityTooLarge),
            ("bang.xlsx", WorkbookBomb(30), HttpStatusCode.BadRequest),
            ("bang.csv", new byte[ApiHost.MaxFileBytes + 1], HttpStatusCode.RequestEntityTooLarge),
            ("bang.csv", [0x4E, 0xE3, 0x6D, 0x0D, 0x0A], HttpStatusCode.BadRequest),
            ("bang.csv", [], HttpStatusCode.BadRequest),
            ("../bang.csv", "Năm\r\n"u8.ToArray(), HttpStatusCode.BadRequest),
        };
        foreach (var (name, bytes, status) in cases)
        {
            var (problem, fields) = await ApiHost.ProblemAsync(await unit.PostAsync($"{Route}/rows", File(name, bytes, "application/octet-stream")), status);
            Assert.Equal(["file"], fields);
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }

        using var none = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        Assert.Equal(["file"], (await ApiHost.ProblemAsync(await unit.PostAsync($"{Route}/rows", none), HttpStatusCode.BadRequest)).Fields);
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        await ApiHost.ProblemAsync(await unit.PostAsync($"{Route}/rows", json), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Report_WithTableRows_IsAccepted_AndABadRowIsRefusedNamingItsRowAndColumn()
    {
        var (plan, unit) = await StartAsync();
        using var _ = unit;
        object[] rows =
        [
            new Dictionary<string, string> { ["nam"] = "2023", ["don-vi"] = "Xã Đồng Tâm", ["tieu-chi"] = "Tiêu chí 1" },
            new Dictionary<string, string> { ["nam"] = "23", ["don-vi"] = "Xã Tam Tiến" },
        ];

        using (var refused = await unit.PostAsync($"api/unit/reports/{Uploads.Report}", Report(plan, rows)))
        {
            var (problem, fields) = await ApiHost.ProblemAsync(refused, HttpStatusCode.BadRequest);
            Assert.Equal([$"statistics.forms.{Form}.{Field}.rows[1].nam"], fields);
            Assert.Contains("dòng 2, cột «Năm»", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        rows[1] = new Dictionary<string, string> { ["nam"] = "2022", ["don-vi"] = "Xã Tam Tiến", ["ngay"] = "2022-12-01" };
        using var accepted = await unit.PostAsync($"api/unit/reports/{Uploads.Report}", Report(plan, rows));
        await ApiHost.ReadAsync(accepted, HttpStatusCode.Created);
    }

    /// <summary>A workbook-shaped package whose sheet inflates to <paramref name="megabytes"/> MB of zeros.</summary>
    private static byte[] WorkbookBomb(int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("[Content_Types].xml").Open().Dispose();
            archive.CreateEntry("xl/workbook.xml").Open().Dispose();
            using var part = archive.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A report with a value for every field: the rows for the table, as <see cref="Uploads.Statistics"/> does for the rest.</summary>
    private static MultipartFormDataContent Report(Plan plan, object[] rows)
    {
        var forms = plan.Deliverables.Single().Forms.ToDictionary(f => f.Id, f => f.Fields.ToDictionary(x => x.Id, x => x.Type switch
        {
            FieldType.Table => (object)new { rows },
            FieldType.Integer => new { number = 3 },
            FieldType.Decimal => new { number = 1.5m },
            FieldType.Percent => new { number = 50 },
            FieldType.Boolean => new { flag = true },
            _ => new { text = "Không có ghi chú" },
        }));
        return Uploads.ReportForm(plan, Uploads.Pdf("báo cáo"), statistics: JsonSerializer.Serialize(new { forms }));
    }
}
