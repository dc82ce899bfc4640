using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Tests;

/// <summary>
/// Drafting a plan: the unit list template, a filled list read against the plan being edited (its difference and
/// units, or every bad row named, never a 5xx), and a cycle's plan copied to next year's.
/// </summary>
public sealed class PlanUnitsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static MultipartFormDataContent Import(string plan, string fileName, byte[] file, string type)
    {
        var form = new MultipartFormDataContent { { new StringContent(plan, Encoding.UTF8), "plan" } };
        form.Add(Uploads.File(file, type), "file", fileName);
        return form;
    }

    [Theory]
    [InlineData("xlsx", "danh-sach-don-vi.xlsx")]
    [InlineData("csv", "danh-sach-don-vi.csv")]
    public async Task The_template_downloads_as_an_attachment(string format, string fileName)
    {
        using var response = await host.Operator.GetAsync($"/api/plans/units/template?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.StartsWith("\uFEFFMã đơn vị,Tên đơn vị,Khối,Thư điện tử,Đơn vị cấp trên", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }

        using var unknown = await host.Operator.GetAsync("/api/plans/units/template?format=pdf");
        var (_, fields) = await ApiHost.ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal(["format"], fields);
        using var anonymous = await host.Anonymous.GetAsync("/api/plans/units/template");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_import_answers_the_difference_and_the_units()
    {
        var plan = host.Plan;
        var kept = plan.Units.Where(u => u.Block == "district-committee").ToList();
        var csv = new StringBuilder("Mã đơn vị,Tên đơn vị,Khối,Thư điện tử,Đơn vị cấp trên\r\n");
        foreach (var unit in kept)
        {
            var name = unit.Id == "bcd-tan-yen" ? "Ban Chỉ đạo huyện Tân Yên (mới)" : unit.Name;
            csv.Append($"{unit.Id},{name},{unit.Block},\"{string.Join(';', unit.Emails)}\",\r\n");
        }

        csv.Append("tan-yen-xa-moi,Ban Chỉ đạo xã Mới,commune,xamoi@tanyen.example,bcd-tan-yen\r\n");

        using var form = Import(host.PlanText, "don-vi.csv", Encoding.UTF8.GetBytes(csv.ToString()), "text/csv");
        using var response = await host.Operator.PostAsync("/api/plans/units/import", form);

        var body = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
        var diff = body.GetProperty("diff");
        Assert.Equal(["tan-yen-xa-moi"], diff.GetProperty("added").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(plan.AllUnits().Count() - kept.Count, diff.GetProperty("removed").GetArrayLength());
        var changed = diff.GetProperty("changed").EnumerateArray().ToList();
        Assert.Contains(changed, c => c.GetProperty("id").GetString() == "bcd-tan-yen" && c.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Contains("name"));
        Assert.Equal(kept.Count + 1, body.GetProperty("unitCount").GetInt32());
        Assert.Equal(kept.Count, body.GetProperty("units").GetArrayLength());
        // Supervisors were not in the file: the plan's checks still pass on the blocks, but its scopes named removed units.
        Assert.NotEqual(JsonValueKind.Undefined, body.GetProperty("planErrors").ValueKind);
    }

    [Fact]
    public async Task A_bad_row_is_a_400_naming_the_file_row_and_column()
    {
        var csv = "Mã đơn vị,Tên đơn vị,Khối,Thư điện tử\r\nbcd-moi,Ban Chỉ đạo mới,khoi-la,moi@bacgiang.example\r\nbcd-moi,Trùng,commune,khong-phai-thu\r\n"u8.ToArray();

        using var form = Import(host.PlanText, "don-vi.csv", csv, "text/csv");
        using var response = await host.Operator.PostAsync("/api/plans/units/import", form);

        var (problem, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["file", "file", "file"], fields);
        var messages = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.StartsWith("Dòng 2, cột «Khối»: khối «khoi-la» không có trong kế hoạch", messages[0], StringComparison.Ordinal);
        Assert.Equal("Dòng 3, cột «Mã đơn vị»: mã «bcd-moi» bị trùng với dòng 2.", messages[1]);
        Assert.Equal("Dòng 3, cột «Thư điện tử»: địa chỉ «khong-phai-thu» không hợp lệ.", messages[2]);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_or_a_plan_that_is_not_json_is_refused_not_a_5xx()
    {
        using (var form = Import(host.PlanText, "don-vi.xlsx", "%PDF-1.7 không phải bảng tính"u8.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        using (var response = await host.Operator.PostAsync("/api/plans/units/import", form))
        {
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, response.StatusCode.ToString());
            var (_, fields) = await ApiHost.ProblemAsync(response, response.StatusCode);
            Assert.Equal(["file"], fields);
        }

        using (var form = Import("{ không phải JSON", "don-vi.csv", "Mã đơn vị\r\n"u8.ToArray(), "text/csv"))
        using (var response = await host.Operator.PostAsync("/api/plans/units/import", form))
        {
            var (_, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.All(fields, f => Assert.StartsWith("plan", f, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_cycle_copied_a_year_on_is_its_plan_with_every_date_a_year_later_not_started()
    {
        using var response = await ApiHost.PostJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/copy", new { newId = "bg-api-2025", years = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var copy = PlanJson.Read(await response.Content.ReadAsStringAsync()).Plan!;
        Assert.Equal("bg-api-2025", copy.Id);
        Assert.Equal(host.Plan.IssuedOn.AddYears(1), copy.IssuedOn);
        Assert.Equal(host.Plan.ClosesOn.AddYears(1), copy.ClosesOn);
        Assert.Equal(host.Plan.Units.Count, copy.Units.Count);
        using var notStarted = await host.Operator.GetAsync("/api/cycles/bg-api-2025");
        Assert.Equal(HttpStatusCode.NotFound, notStarted.StatusCode);
    }

    [Theory]
    [InlineData("{\"newId\":\"có dấu\",\"years\":1}", "newId")]
    [InlineData("{\"years\":1}", "newId")]
    [InlineData("{\"newId\":\"bg-moi\",\"years\":500}", "years")]
    [InlineData("{\"newId\":\"bg-moi\",\"days\":99999}", "days")]
    [InlineData("{\"newId\":\"bg-moi\"}", "years")]
    public async Task A_bad_copy_request_is_a_400_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await host.Operator.PostAsync($"/api/cycles/{ApiHost.CycleId}/copy", content);

        var (_, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], fields);
    }

    [Fact]
    public async Task Copying_an_unknown_cycle_is_a_404()
    {
        using var response = await ApiHost.PostJsonAsync(host.Operator, "/api/cycles/khong-co/copy", new { newId = "moi", years = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
