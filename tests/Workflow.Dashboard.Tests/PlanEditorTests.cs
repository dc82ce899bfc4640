using System.Diagnostics;
using System.Text.Json;
using MiniExcelLibs;
using Microsoft.Playwright;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Email;
using Workflow.Exports;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// An operator builds a plan in the browser without writing JSON: identity and legal basis, two blocks, 30 units
/// imported from an .xlsx (a bad file first, refused by row and column), a report with one scalar and one table field,
/// a deadline outside the plan refused beside its field and then fixed, a nomination round with a quota and criteria, a
/// milestone, the schedule on a calendar, a saved draft, and a stepped rehearsal that reaches its first reminder. The
/// saved draft equals the plan this test expects, field for field, and the command line's validate accepts it.
/// </summary>
public sealed class PlanEditorTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string PlanId = "bien-tap-2024";
    private const string District = "Ban Chỉ đạo cấp huyện";
    private const string Commune = "Ban Chỉ đạo cấp xã";

    private static readonly string[] Districts =
        ["Yên Thế", "Tân Yên", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Yên Dũng", "Việt Yên", "Hiệp Hòa", "Bắc Giang"];

    static PlanEditorTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Operator_BuildsAPlan_ImportsUnits_FixesAnError_PreviewsTheSchedule_Saves_AndRehearsesToTheFirstReminder()
    {
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;
        var shots = 0;
        async Task Shot(IPage p, string name) =>
            await p.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"plan-editor-{++shots:D2}-{name}.png"), FullPage = true });

        var work = Directory.CreateTempSubdirectory("plan-editor-").FullName;
        var units = Units();
        var goodFile = WriteUnits(Path.Combine(work, "don-vi.xlsx"), units);
        var badFile = WriteUnits(Path.Combine(work, "don-vi-loi.xlsx"), [.. units.Take(2).Select(u => u with { Units = [] }), new Unit { Id = "xa-la", Name = "Ban Chỉ đạo xã Lạ", Block = "khoi-la", Emails = ["xala@bientap.example"] }]);

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, "/dashboard/plans/new").ToString());
        await page.GetByLabel("Khoá vận hành").FillAsync(fixture.Host.OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        // 1. Identity and legal basis.
        var identity = page.Locator("#identity");
        await Fill(identity, "Mã kế hoạch", PlanId);
        await Fill(identity, "Số kế hoạch", "45/KH-BCĐ");
        await Fill(identity, "Ngày ban hành", "2024-03-11");
        await Fill(identity, "Cơ quan ban hành", "Ban Chỉ đạo tỉnh Bắc Giang (biên tập thử)");
        await Fill(identity, "Địa danh", "Bắc Giang");
        await Fill(identity, "Trích yếu", "Kế hoạch sơ kết phong trào toàn dân bảo vệ ANTQ năm 2024");
        await identity.GetByLabel("Loại kỳ báo cáo").SelectOptionAsync(new SelectOptionValue { Label = "Sơ kết" });
        await Fill(identity, "Số liệu tính từ ngày", "2024-01-01");
        await Fill(identity, "Số liệu tính đến ngày", "2024-03-31");
        await Fill(identity, "Kỳ báo cáo kết thúc ngày", "2024-06-30");
        await Fill(identity, "Thư điện tử của cơ quan thường trực", "thuongtruc@congan.bientap.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm căn cứ" }).ClickAsync();
        await Fill(page.Locator("#legal"), "Căn cứ 1", "Kế hoạch số 17/KH-BCA-V05 ngày 15/01/2024 của Bộ Công an");

        // 2. Blocks; the units' file names them by name.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm khối" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm khối" }).ClickAsync();
        var blockRows = page.Locator("#blocks .row");
        await Fill(blockRows.Nth(0), "Mã khối", "huyen");
        await Fill(blockRows.Nth(0), "Tên khối", District);
        await Fill(blockRows.Nth(1), "Mã khối", "xa");
        await Fill(blockRows.Nth(1), "Tên khối", Commune);

        // 3. Units from a spreadsheet: a bad row is refused by its row and column and nothing is taken; then the 30
        // units, listed as additions before they are applied.
        var unitsSection = page.Locator("#units");
        var unitFile = unitsSection.GetByLabel("Nhập danh sách đơn vị từ tệp (.xlsx hoặc .csv)");
        await unitFile.SetInputFilesAsync(badFile);
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("Dòng 4, cột «Khối»: khối «khoi-la» không có trong kế hoạch");
        await Expect(page.Locator("#unit-count")).ToHaveTextAsync("Chưa có đơn vị nào.");
        await Shot(page, "units-refused");
        await unitFile.SetInputFilesAsync(goodFile);
        var diff = page.Locator("#import-diff");
        await Expect(diff).ToContainTextAsync("don-vi.xlsx»: 30 đơn vị");
        await Expect(diff).ToContainTextAsync("Thêm 30, bỏ 0, sửa 0 đơn vị");
        await Expect(diff).ToContainTextAsync("huyen-01 — Ban Chỉ đạo huyện Yên Thế");
        await Shot(page, "units-diff");
        await diff.GetByRole(AriaRole.Button, new() { Name = "Áp dụng thay đổi" }).ClickAsync();
        await Expect(page.Locator("#unit-count")).ToHaveTextAsync("30 đơn vị (10 trực thuộc kế hoạch, 20 cấp dưới).");
        await Expect(page.Locator("#unit-table tbody tr")).ToHaveCountAsync(30);

        // The template now comes filled with the plan's 30 units, each under its district.
        var download = await page.RunAndWaitForDownloadAsync(() => unitsSection.GetByRole(AriaRole.Button, new() { Name = "Tải mẫu danh sách (.xlsx)" }).ClickAsync());
        var template = Path.Combine(work, "mau.xlsx");
        await download.SaveAsAsync(template);
        var templateRows = MiniExcel.Query(template, useHeaderRow: true, sheetName: TableFileReader.DataSheet).Cast<IDictionary<string, object?>>()
            .Where(r => r[UnitTemplate.Id] is string id && !id.StartsWith('(')).ToList();
        Assert.Equal(units.SelectMany(u => u.Units.Prepend(u)).Select(u => u.Id), templateRows.Select(r => (string)r[UnitTemplate.Id]!));
        Assert.Equal("huyen-01", templateRows[1][UnitTemplate.Parent]);

        // A re-import lists what would change (a district renamed, a commune gone, another new) and changes nothing
        // until applied; cancelled here.
        var edited = units.Select(u => u.Id switch
        {
            "huyen-10" => u with { Name = "Ban Chỉ đạo thành phố Bắc Giang", Units = [u.Units[0], u.Units[1], new Unit { Id = "huyen-10-xa-3", Name = "Ban Chỉ đạo phường mới", Block = "xa", Emails = ["bcd@p3.h10.bientap.example"] }] },
            "huyen-09" => u with { Units = [u.Units[0]] },
            _ => u,
        }).ToList();
        await unitFile.SetInputFilesAsync(WriteUnits(Path.Combine(work, "don-vi-sua.xlsx"), edited));
        await Expect(diff).ToContainTextAsync("Thêm 1, bỏ 1, sửa 1 đơn vị");
        await Expect(diff).ToContainTextAsync("huyen-10 — Ban Chỉ đạo thành phố Bắc Giang: tên");
        await Expect(diff).ToContainTextAsync("huyen-09-xa-2 — Ban Chỉ đạo xã số 2 huyện Hiệp Hòa");
        await Shot(page, "units-reimport");
        await diff.GetByRole(AriaRole.Button, new() { Name = "Huỷ" }).ClickAsync();
        await Expect(diff).ToHaveCountAsync(0);
        await Expect(page.Locator("#unit-count")).ToHaveTextAsync("30 đơn vị (10 trực thuộc kế hoạch, 20 cấp dưới).");

        // 4. A report with a form: one scalar field and one table field, whose missing columns are an error until added.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nội dung phải nộp" }).ClickAsync();
        var report = page.Locator("fieldset[data-item=deliverable]").First;
        await Fill(report, "Mã nội dung", "bao-cao");
        await Fill(report, "Tên nội dung phải nộp", "Báo cáo sơ kết phong trào năm 2024");
        await report.GetByLabel(District, new() { Exact = true }).CheckAsync();
        await report.GetByRole(AriaRole.Button, new() { Name = "Thêm biểu mẫu" }).ClickAsync();
        var form = report.Locator("fieldset[data-item=form]").First;
        await Fill(form, "Mã biểu", "bieu-01");
        await Fill(form, "Tên biểu", "Biểu 01 – Kết quả chung");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        var scalar = form.Locator("[data-item=field]").Nth(0);
        await Fill(scalar, "Mã chỉ tiêu", "so-vu");
        await Fill(scalar, "Tên chỉ tiêu", "Số vụ việc về ANTT");
        await Fill(scalar, "Đơn vị tính", "vụ");
        var table = form.Locator("[data-item=field]").Nth(1);
        await Fill(table, "Mã chỉ tiêu", "to-an-ninh");
        await Fill(table, "Tên chỉ tiêu", "Các tổ an ninh nhân dân");
        await table.GetByLabel("Kiểu", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bảng" });
        var columns = table.Locator(".columns-editor");
        await Expect(columns.Locator(":scope > .field-errors")).ToHaveTextAsync("Bảng «Các tổ an ninh nhân dân» chưa có cột nào.");
        await columns.GetByRole(AriaRole.Button, new() { Name = "Thêm cột" }).ClickAsync();
        await columns.GetByRole(AriaRole.Button, new() { Name = "Thêm cột" }).ClickAsync();
        var name = columns.Locator("[data-item=column]").Nth(0);
        await Fill(name, "Mã cột", "ten-to");
        await Fill(name, "Tên cột", "Tên tổ");
        await name.GetByLabel("Bắt buộc").CheckAsync();
        var members = columns.Locator("[data-item=column]").Nth(1);
        await Fill(members, "Mã cột", "so-thanh-vien");
        await Fill(members, "Tên cột", "Số thành viên");
        await members.GetByLabel("Kiểu cột").SelectOptionAsync(new SelectOptionValue { Label = "Số nguyên" });
        await Expect(columns.Locator(":scope > .field-errors")).ToBeHiddenAsync();
        await Shot(page, "form-builder");

        // 5. A deadline whose last day (01/07) is after the plan's last day is refused beside the deadline, by the API's own validator; fixed, its
        // last accepted instant shows.
        var deadline = report.Locator("fieldset.deadline");
        await deadline.GetByLabel("Cách tính hạn").SelectOptionAsync("before");
        await Fill(deadline, "Ngày", "2024-07-02");
        await Expect(deadline.Locator(":scope > .field-errors"))
            .ToHaveTextAsync("Hạn chót (trước ngày 02/07/2024) nằm ngoài thời gian của kế hoạch (01/01/2024 – 30/06/2024).");
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("Kế hoạch còn 1 lỗi; mỗi lỗi hiện bên cạnh mục của nó.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu diễn tập" })).ToBeDisabledAsync();
        await deadline.ScrollIntoViewIfNeededAsync();
        await Shot(page, "validation-error");
        await Fill(deadline, "Ngày", "2024-05-01");
        await Expect(deadline.Locator(":scope > .field-errors")).ToBeHiddenAsync();
        await Expect(deadline.Locator(".deadline-last")).ToHaveTextAsync("→ nhận đến 23:59:59 30/04/2024");
        await Expect(page.Locator("#check-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Kế hoạch hợp lệ: 30 đơn vị"));
        await Shot(page, "validation-fixed");

        // 6. A nomination round with a quota; a quota without any limit is an error until it has one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm đợt đề nghị khen thưởng" }).ClickAsync();
        var round = page.Locator("fieldset[data-item=round]").First;
        await Fill(round, "Mã đợt", "giay-khen");
        await Fill(round, "Tên đợt", "Đề nghị Giấy khen của Giám đốc Công an tỉnh");
        await round.GetByLabel("Hình thức khen thưởng").SelectOptionAsync(new SelectOptionValue { Label = "Giấy khen của Giám đốc Công an tỉnh" });
        await round.GetByLabel(District, new() { Exact = true }).CheckAsync();
        var roundDeadline = round.Locator("fieldset.deadline");
        await roundDeadline.GetByLabel("Cách tính hạn").SelectOptionAsync("before");
        await Fill(roundDeadline, "Ngày", "2024-06-01");
        await round.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu số lượng" }).ClickAsync();
        var quota = round.Locator("[data-item=quota]").First;
        await Fill(quota, "Mã chỉ tiêu", "tong-so");
        await Fill(quota, "Mô tả", "Tối đa 3 tập thể cấp huyện");
        await Expect(quota.Locator(":scope > .field-errors")).ToContainTextAsync("chưa đặt giới hạn nào");
        await Fill(quota, "Tối đa tập thể", "3");
        await Expect(quota.Locator(":scope > .field-errors")).ToBeHiddenAsync();
        await Expect(roundDeadline.Locator(".deadline-last")).ToHaveTextAsync("→ nhận đến 23:59:59 31/05/2024");

        // Its criteria: who is judged, on a yes/no fact and a minimum number.
        await round.GetByRole(AriaRole.Button, new() { Name = "Thêm đối tượng xét" }).ClickAsync();
        var profile = round.Locator("[data-item=profile]").First;
        await Fill(profile, "Mã đối tượng", "tap-the-huyen");
        await Fill(profile, "Đối tượng xét", "Tập thể Ban Chỉ đạo cấp huyện");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Thêm tiêu chuẩn" }).ClickAsync();
        await profile.GetByRole(AriaRole.Button, new() { Name = "Thêm tiêu chuẩn" }).ClickAsync();
        var flag = profile.Locator(".rule").Nth(0);
        await Fill(flag, "Mã", "khong-vi-pham");
        await Fill(flag, "Nội dung tiêu chuẩn", "Không có cán bộ vi phạm pháp luật");
        await Fill(flag, "Mã điều kiện", "khong-vi-pham");
        var minimum = profile.Locator(".rule").Nth(1);
        await minimum.GetByLabel("Loại tiêu chuẩn").SelectOptionAsync(new SelectOptionValue { Label = "Số tối thiểu" });
        await Fill(minimum, "Mã", "mo-hinh");
        await Fill(minimum, "Nội dung tiêu chuẩn", "Có ít nhất 2 mô hình tự quản về ANTT");
        await Fill(minimum, "Mã số liệu", "so-mo-hinh");
        await Fill(minimum, "Tối thiểu", "2");

        // A milestone of the standing agency's own, with a snapshot of the figures.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm mốc công việc" }).ClickAsync();
        var milestone = page.Locator("#milestones fieldset.item").First;
        await Fill(milestone, "Mã mốc", "hoi-nghi");
        await Fill(milestone, "Tên mốc", "Hội nghị sơ kết cấp tỉnh");
        await milestone.GetByLabel("Lập bản tổng hợp nhanh tại mốc").CheckAsync();
        await Fill(milestone.Locator("fieldset.deadline"), "Ngày", "2024-06-20");
        await Expect(milestone.Locator(".deadline-last")).ToContainTextAsync("20/06/2024");
        await Expect(page.Locator("#check-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Kế hoạch hợp lệ"));
        await Shot(page, "round-quota");

        // 7. The schedule: reminders 7 and 1 days before each deadline at 08:00, the close, and the chases after it.
        await page.Locator("#schedule-panel").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#calendar table.month")).ToHaveCountAsync(3);
        var schedule = page.Locator("#schedule-table tbody");
        await Expect(schedule.Locator("tr").First).ToContainTextAsync("24/04/2024");
        await Expect(schedule.Locator("tr").First).ToContainTextAsync("Nhắc hạn");
        await Expect(schedule).ToContainTextAsync("Nhắc trước hạn 7 ngày — Báo cáo sơ kết phong trào năm 2024");
        await Expect(schedule).ToContainTextAsync("Hết hạn — Đề nghị Giấy khen của Giám đốc Công an tỉnh");
        await Expect(page.Locator("#calendar table.month[data-month='2024-04'] td[data-day='2024-04-24']")).ToContainTextAsync("08:00 Nhắc hạn");
        await Expect(page.Locator("#calendar td[data-day='2024-05-01']")).ToContainTextAsync("Hết hạn");
        await Expect(page.Locator("#calendar td[data-day='2024-06-21']")).ToContainTextAsync("Mốc công việc");
        await Expect(schedule).ToBeVisibleAsync();
        await Shot(page, "schedule");

        // 8. Saved as a versioned draft: the address names it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(page.Locator("#draft-status")).ToContainTextAsync($"Bản nháp «{PlanId}», phiên bản 1");
        Assert.EndsWith($"/dashboard/plans/{PlanId}", page.Url, StringComparison.Ordinal);
        await Shot(page, "saved");

        // The saved plan is the plan this test expects, field for field, and the command line validates it.
        var saved = await SavedPlanAsync(PlanId);
        Assert.Equal(Lines(PlanJson.Write(Expected(units))), Lines(PlanJson.Write(saved)));
        var file = Path.Combine(RepositoryRoot.Path, "artifacts", "plans", "plan-editor.plan.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, PlanJson.Write(saved));
        var (code, output) = await ValidateAsync(file);
        Assert.True(code == 0, $"workflow validate: exit {code}\n{output}");

        // 9. A stepped rehearsal from the issue day; one step reaches the first reminder, e-mailed to the ten districts.
        var cycleId = $"{PlanId}-dien-tap";
        await Expect(page.GetByLabel("Mã kỳ báo cáo")).ToHaveValueAsync(cycleId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu diễn tập" }).ClickAsync();
        await page.WaitForURLAsync($"**/dashboard/#cycle={cycleId}");
        await Expect(page.Locator("#rehearsal-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync("Kế hoạch sơ kết phong trào toàn dân bảo vệ ANTQ năm 2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển tới mốc kế tiếp" }).ClickAsync();
        await Expect(page.Locator("#rehearsal-now")).ToContainTextAsync("24/04/2024 08:00", new() { Timeout = 60_000 });
        await Expect(page.Locator("#timeline .kind", new() { HasText = "Nhắc hạn" }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Shot(page, "rehearsal-first-reminder");
        var reminded = await EventuallyAsync(() => fixture.Sink.Accepted
            .Where(m => m.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var key) && key.StartsWith($"{cycleId}:", StringComparison.Ordinal) && key.Contains(":reminder:", StringComparison.Ordinal))
            .SelectMany(m => m.To).Distinct().Order().ToList(), r => r.Count == 10);
        Assert.Equal(units.Select(u => u.Emails[0]).Order(), reminded);

        Assert.Empty(fixture.Browser.OffMachineRequests);
        await page.CloseAsync();
    }

    [Fact]
    public async Task LastYearsCycle_IsOneClickFromNextYearsPlan_WithItsUnitsAndFormsKept_AndItsDatesShifted()
    {
        const string cycleId = "sao-chep-2024";
        var plan = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "Workflow.Dashboard.Tests", "plans", "cay-don-vi-2024.plan.json"))).Plan!;
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"api/cycles?id={cycleId}&rehearsal=step"))
        {
            request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
            request.Content = new StringContent(PlanJson.Write(plan), System.Text.Encoding.UTF8, "application/json");
            using var response = await fixture.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"start: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={Uri.EscapeDataString(fixture.Host.OperatorKey)}&cycle={cycleId}").ToString());
        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync(plan.Title);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sao chép sang kỳ mới" }).ClickAsync();

        // The editor proposes next year's id; one year on, every date moves and the units and forms stay.
        var copy = page.Locator("#copy-panel");
        await Expect(copy.GetByLabel("Mã kế hoạch mới")).ToHaveValueAsync("sao-chep-2025");
        await Expect(copy.GetByLabel("Dời (năm)")).ToHaveValueAsync("1");
        await copy.GetByRole(AriaRole.Button, new() { Name = "Sao chép" }).ClickAsync();
        await Expect(copy).ToBeHiddenAsync();
        var identity = page.Locator("#identity");
        await Expect(identity.GetByLabel("Mã kế hoạch", new() { Exact = true })).ToHaveValueAsync("sao-chep-2025");
        await Expect(identity.GetByLabel("Ngày ban hành", new() { Exact = true })).ToHaveValueAsync("2025-03-11");
        await Expect(identity.GetByLabel("Kỳ báo cáo kết thúc ngày", new() { Exact = true })).ToHaveValueAsync("2025-06-30");
        await Expect(page.Locator("#unit-count")).ToHaveTextAsync($"{plan.AllUnits().Count()} đơn vị ({plan.Units.Count} trực thuộc kế hoạch, {plan.AllUnits().Count() - plan.Units.Count} cấp dưới).");
        var report = page.Locator("fieldset[data-item=deliverable]").First;
        await Expect(report.Locator("fieldset.deadline").GetByLabel("Ngày", new() { Exact = true })).ToHaveValueAsync("2025-05-01");
        await Expect(report.Locator("[data-item=field]")).ToHaveCountAsync(plan.Deliverables[0].Forms[0].Fields.Count);
        await Expect(page.Locator("#check-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Kế hoạch hợp lệ"));
        await Shot(page, "copy");

        // Issued for real: only once the operator confirms that units will be e-mailed; then it is a cycle, not a rehearsal.
        var start = page.Locator("#start");
        await start.GetByLabel("Chế độ").SelectOptionAsync("live");
        await Expect(start.GetByLabel("Mã kỳ báo cáo")).ToHaveValueAsync("sao-chep-2025");
        await start.GetByRole(AriaRole.Button, new() { Name = "Ban hành kỳ báo cáo" }).ClickAsync();
        await Expect(page.Locator("#start-error")).ToContainTextAsync("Đánh dấu xác nhận trước khi ban hành");
        await start.GetByLabel("Tôi đã kiểm tra kế hoạch; gửi thư thật tới các đơn vị").CheckAsync();
        await start.GetByRole(AriaRole.Button, new() { Name = "Ban hành kỳ báo cáo" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/#cycle=sao-chep-2025");
        // Its runtime state is not asserted: a live cycle runs on the engine's real clock, which is past this 2025 plan.
        await Expect(page.Locator("#cycle-id")).ToHaveTextAsync("Mã: sao-chep-2025");
        await Expect(page.Locator("#cycle-title")).ToHaveTextAsync(plan.Title);
        await Expect(page.Locator("#rehearsal-banner")).ToBeHiddenAsync();
        await page.CloseAsync();

        static async Task Shot(IPage p, string name) => await p.ScreenshotAsync(new()
        {
            Path = Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName, $"plan-editor-{name}.png"),
            FullPage = true,
        });
    }

    [Fact]
    public async Task AnExistingPlanFile_OpensInTheEditor_IsSavedAsItWas_EvenWhatTheEditorHasNoFormFor_AndKeepsItsVersions()
    {
        // The programme plan has what the editor has no form for: committee members, targets, programme periods, dossiers.
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "bac-giang-2020-2025-de-an.plan.json");
        var plan = PlanJson.Read(await File.ReadAllTextAsync(sample)).Plan!;
        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, $"/dashboard/#key={Uri.EscapeDataString(fixture.Host.OperatorKey)}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Soạn kế hoạch mới" }).ClickAsync();
        await Expect(page.Locator("#editor")).ToBeVisibleAsync();
        await page.Locator("#open-json").SetInputFilesAsync(sample);
        await Expect(page.Locator("#draft-status")).ToHaveTextAsync("Mở từ tệp «bac-giang-2020-2025-de-an.plan.json», chưa lưu thành bản nháp.");
        await Expect(page.Locator("#identity").GetByLabel("Mã kế hoạch", new() { Exact = true })).ToHaveValueAsync(plan.Id);
        await Expect(page.Locator("#check-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Kế hoạch hợp lệ: {plan.AllUnits().Count()} đơn vị"));
        await Expect(page.Locator("fieldset[data-item=deliverable]")).ToHaveCountAsync(plan.Deliverables.Count);
        await Expect(page.Locator("fieldset[data-item=round]")).ToHaveCountAsync(plan.NominationRounds.Count);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(page.Locator("#draft-status")).ToContainTextAsync($"Bản nháp «{plan.Id}», phiên bản 1");
        var saved = await SavedPlanAsync(plan.Id);
        Assert.Equal(Lines(PlanJson.Write(plan)), Lines(PlanJson.Write(saved)));

        // A change saved is a second version, newest first in the list; the first stays and opens as it was.
        var title = page.Locator("#identity").GetByLabel("Trích yếu", new() { Exact = true });
        await title.FillAsync(plan.Title + " (sửa đổi)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(page.Locator("#draft-status")).ToContainTextAsync($"Bản nháp «{plan.Id}», phiên bản 2");
        await Expect(page.GetByLabel("Phiên bản").Locator("option")).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("Phiên bản").Locator("option").First).ToContainTextAsync("Phiên bản 2");
        await page.GetByLabel("Phiên bản").SelectOptionAsync("1");
        await Expect(page.Locator("#draft-status")).ToContainTextAsync($"Bản nháp «{plan.Id}», phiên bản 1");
        await Expect(title).ToHaveValueAsync(plan.Title);
        await page.CloseAsync();
    }

    [Fact]
    public async Task AViewer_IsToldTheEditorIsNotForThem_AndTheListOffersNoNewPlan()
    {
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/operators")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "Cán bộ xem kế hoạch", role = "viewer", scope = "*" }),
        };
        issue.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var issued = await fixture.Http.SendAsync(issue);
        var key = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;

        var page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, "/dashboard/plans/new").ToString());
        await page.GetByLabel("Khoá vận hành").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#not-allowed")).ToContainTextAsync("Tài khoản chỉ xem không soạn, lưu hay bắt đầu kế hoạch.");
        await Expect(page.Locator("#editor")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← Theo dõi kỳ báo cáo" }).Last.ClickAsync();
        await Expect(page.Locator("#cycles-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#plan-links")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    private static async Task Fill(ILocator scope, string label, string value) =>
        await scope.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private static string[] Lines(string json) => json.Split('\n');

    /// <summary>Ten districts, each with two communes: 30 units, the communes under their district.</summary>
    private static List<Unit> Units() =>
    [
        .. Districts.Select((name, i) =>
        {
            var id = $"huyen-{i + 1:D2}";
            var slug = $"h{i + 1:D2}";
            return new Unit
            {
                Id = id,
                Name = $"Ban Chỉ đạo huyện {name}",
                Block = "huyen",
                Emails = [$"bcd@{slug}.bientap.example"],
                Units =
                [
                    .. Enumerable.Range(1, 2).Select(c => new Unit
                    {
                        Id = $"{id}-xa-{c}",
                        Name = $"Ban Chỉ đạo xã số {c} huyện {name}",
                        Block = "xa",
                        Emails = [$"bcd@xa{c}.{slug}.bientap.example"],
                    }),
                ],
            };
        }),
    ];

    /// <summary>The units as an operator keeps them in Excel: the template's columns, blocks by name, a row per unit.</summary>
    private static string WriteUnits(string path, IReadOnlyList<Unit> units)
    {
        var blockNames = new Dictionary<string, string> { ["huyen"] = District, ["xa"] = Commune };
        var rows = new List<Dictionary<string, object?>>();
        void Add(Unit unit, Unit? parent)
        {
            rows.Add(new Dictionary<string, object?>
            {
                [UnitTemplate.Id] = unit.Id,
                [UnitTemplate.Name] = unit.Name,
                [UnitTemplate.Block] = blockNames.GetValueOrDefault(unit.Block, unit.Block),
                [UnitTemplate.Emails] = string.Join("; ", unit.Emails),
                [UnitTemplate.Parent] = parent?.Id ?? "",
            });
            foreach (var child in unit.Units)
            {
                Add(child, unit);
            }
        }

        foreach (var unit in units)
        {
            Add(unit, null);
        }

        MiniExcel.SaveAs(path, new Dictionary<string, object> { [TableFileReader.DataSheet] = rows }, excelType: ExcelType.XLSX);
        return path;
    }

    /// <summary>The plan the steps above describe, as the API would read it from a hand-written file.</summary>
    private static Plan Expected(IReadOnlyList<Unit> units) => new()
    {
        Id = PlanId,
        Number = "45/KH-BCĐ",
        IssuedOn = new DateOnly(2024, 3, 11),
        Issuer = "Ban Chỉ đạo tỉnh Bắc Giang (biên tập thử)",
        Place = "Bắc Giang",
        Title = "Kế hoạch sơ kết phong trào toàn dân bảo vệ ANTQ năm 2024",
        LegalBasis = ["Kế hoạch số 17/KH-BCA-V05 ngày 15/01/2024 của Bộ Công an"],
        Kind = CycleKind.InterimReview,
        DataPeriod = new DatePeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)),
        ClosesOn = new DateOnly(2024, 6, 30),
        Blocks = [new Block("huyen", District), new Block("xa", Commune)],
        Units = units,
        Deliverables =
        [
            new Deliverable
            {
                Id = "bao-cao",
                Kind = DeliverableKind.Report,
                Title = "Báo cáo sơ kết phong trào năm 2024",
                AppliesTo = new UnitScope { Blocks = ["huyen"] },
                Deadline = Deadline.Before(new DateOnly(2024, 5, 1)),
                Forms =
                [
                    new StatisticalForm
                    {
                        Id = "bieu-01",
                        Title = "Biểu 01 – Kết quả chung",
                        Fields =
                        [
                            new FormField { Id = "so-vu", Label = "Số vụ việc về ANTT", Type = FieldType.Integer, Unit = "vụ" },
                            new FormField
                            {
                                Id = "to-an-ninh",
                                Label = "Các tổ an ninh nhân dân",
                                Type = FieldType.Table,
                                Columns =
                                [
                                    new TableColumn { Id = "ten-to", Label = "Tên tổ", Type = ColumnType.Text, Required = true },
                                    new TableColumn { Id = "so-thanh-vien", Label = "Số thành viên", Type = ColumnType.Integer },
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
        NominationRounds =
        [
            new NominationRound
            {
                Id = "giay-khen",
                AwardLevel = AwardLevel.PoliceDirectorCertificate,
                Title = "Đề nghị Giấy khen của Giám đốc Công an tỉnh",
                Proposers = new UnitScope { Blocks = ["huyen"] },
                Deadline = Deadline.Before(new DateOnly(2024, 6, 1)),
                Quotas = [new QuotaRule { Id = "tong-so", Description = "Tối đa 3 tập thể cấp huyện", MaxCollective = 3 }],
                Eligibility =
                [
                    new EligibilityProfile
                    {
                        Id = "tap-the-huyen",
                        Name = "Tập thể Ban Chỉ đạo cấp huyện",
                        NomineeKind = NomineeKind.Collective,
                        Rules =
                        [
                            new FlagRule { Id = "khong-vi-pham", Description = "Không có cán bộ vi phạm pháp luật", Flag = "khong-vi-pham", Required = true },
                            new MinimumNumberRule { Id = "mo-hinh", Description = "Có ít nhất 2 mô hình tự quản về ANTT", Number = "so-mo-hinh", Minimum = 2 },
                        ],
                    },
                ],
            },
        ],
        Milestones = [new Milestone { Id = "hoi-nghi", Title = "Hội nghị sơ kết cấp tỉnh", Deadline = Deadline.By(new DateOnly(2024, 6, 20)), Consolidate = true }],
        Reminders = new ReminderPolicy { DaysBefore = [7, 1], SendAt = new TimeOnly(8, 0), Chase = new ChasePolicy { EveryDays = 3, MaxCount = 2 } },
        OperatorEmails = ["thuongtruc@congan.bientap.example"],
    };

    /// <summary>The draft's first version as the host keeps it, read as a plan file is.</summary>
    private async Task<Plan> SavedPlanAsync(string draftId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/plans/drafts/{draftId}");
        request.Headers.Add("X-Api-Key", fixture.Host.OperatorKey);
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"draft: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        Assert.Equal(1, document.RootElement.GetProperty("version").GetInt32());
        var read = PlanJson.Read(document.RootElement.GetProperty("plan").GetRawText());
        Assert.True(read.Plan is not null, string.Join("\n", read.Errors));
        return read.Plan!;
    }

    /// <summary>What <c>./run validate</c> runs once the solution is built: the command line's own validate verb.</summary>
    private static async Task<(int Code, string Output)> ValidateAsync(string file)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var cli = Path.Combine(RepositoryRoot.Path, "cli", "Workflow.Cli", "bin", configuration, "net10.0", "workflow.dll");
        Assert.True(File.Exists(cli), $"{cli} is built with the solution");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            value = read();
        }

        return value;
    }
}
