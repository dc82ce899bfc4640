using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Email;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>
/// A plan whose report has a form every unit fills, a commune-only form, a file-only appendix for everyone and a
/// commune-only file-only form: templates attached with the plan or later, downloaded by operators and by the units of
/// their forms; reports handing in the filled forms, refused by part, stored whole and receipted naming every file.
/// </summary>
public sealed class FormFileApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Commune = "xa-tan-an";
    private const string OtherCommune = "xa-dong-son";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly StatisticalForm CommuneValues = new()
    {
        Id = "bieu-xa",
        Title = "Biểu cấp xã",
        AppliesTo = new UnitScope { Blocks = ["commune"] },
        Fields = [new FormField { Id = "soToAnNinh", Label = "Số tổ an ninh nhân dân", Type = FieldType.Integer, Unit = "tổ" }],
    };

    private static readonly StatisticalForm Appendix = new()
    {
        Id = "phu-luc",
        Title = "Phụ lục",
        Templates = [new FormTemplate("Mẫu phụ lục", "phu-luc.docx")],
    };

    private static readonly StatisticalForm CommuneFile = new()
    {
        Id = "bieu-mau-3",
        Title = "Biểu mẫu 3",
        AppliesTo = new UnitScope { Blocks = ["commune"] },
        Templates = [new FormTemplate("Mẫu thống kê cấp xã", "bieu-mau-3.xlsx")],
    };

    private Plan FormsPlan()
    {
        var sample = host.Plan;
        var report = sample.Deliverables.Single(d => d.Id == Uploads.Report);
        return sample with
        {
            Blocks = [.. sample.Blocks.Where(b => b.Id != "commune"), new Block("commune", "Ban Chỉ đạo cấp xã")],
            Units =
            [
                .. sample.Units.Where(u => u.Block == "district-committee").Take(2),
                new Unit { Id = Commune, Name = "Ban Chỉ đạo xã Tân An", Block = "commune", Emails = ["bcd@tanan.yendung.bacgiang.example"] },
                new Unit { Id = OtherCommune, Name = "Ban Chỉ đạo xã Đồng Sơn", Block = "commune", Emails = ["bcd@dongson.yendung.bacgiang.example"] },
            ],
            Deliverables = [report with { AppliesTo = new UnitScope { Blocks = ["district-committee", "commune"] }, Forms = [report.Forms[0], CommuneValues, Appendix, CommuneFile] }],
            NominationRounds = [],
            Targets = [],
        };
    }

    private string District => FormsPlan().Units[0].Id;

    [Fact]
    public async Task Templates_GoUpWithThePlanOrLater_AreLinkedFromTheNotice_AndServedOnlyToTheUnitsOfTheirForms()
    {
        var plan = FormsPlan();
        var cycle = "bg-mau-" + Guid.NewGuid().ToString("N")[..6];

        // The start refuses a template the plan does not declare and one whose content is not what its name says, before anything is stored.
        var (_, fields) = await ApiHost.ProblemAsync(await StartAsync(cycle, plan, ("khong-khai-bao.docx", Uploads.Docx("x"))), HttpStatusCode.BadRequest);
        Assert.Equal(["templates[0]"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await StartAsync(cycle, plan, ("phu-luc.docx", Uploads.Pdf("không phải Word"))), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["templates[0]"], fields);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"/api/cycles/{cycle}/templates"), HttpStatusCode.NotFound);

        await ApiHost.ReadAsync(await StartAsync(cycle, plan, ("phu-luc.docx", Uploads.Docx("mẫu phụ lục"))), HttpStatusCode.Accepted);

        // The notice, sent as the cycle starts, links the template that went up with the plan and names the one still missing.
        var token = await host.TokenAsync(Commune, cycle);
        var notice = Notice(cycle, Commune);
        var appendixLink = $"http://127.0.0.1:7071/api/unit/templates/phu-luc.docx?token={Uri.EscapeDataString(token)}";
        Assert.Contains($"  + Phụ lục, Mẫu phụ lục (phu-luc.docx): tải tệp mẫu tại {appendixLink}", notice.Text, StringComparison.Ordinal);
        Assert.Contains("  + Biểu mẫu 3, Mẫu thống kê cấp xã (bieu-mau-3.xlsx): tệp mẫu chưa được đính kèm;", notice.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{appendixLink}\">", notice.Html, StringComparison.Ordinal);
        var districtToken = await host.TokenAsync(District, cycle);
        Assert.DoesNotContain("bieu-mau-3", Notice(cycle, District).Text, StringComparison.Ordinal);

        // The e-mailed link downloads with the token in its query.
        var downloaded = await host.Anonymous.GetAsync(appendixLink.Replace("http://127.0.0.1:7071/", "/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(Docx, downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Uploads.Docx("mẫu phụ lục"), await downloaded.Content.ReadAsByteArrayAsync());

        var listed = await host.GetJsonAsync(host.Operator, $"/api/cycles/{cycle}/templates");
        Assert.Equal([("phu-luc.docx", true), ("bieu-mau-3.xlsx", false)], listed.EnumerateArray().Select(t => (t.GetProperty("file").GetString(), t.GetProperty("attached").GetBoolean())));
        Assert.Equal(JsonValueKind.Null, listed[1].GetProperty("url").ValueKind);

        // Attaching later: only a declared name, content checked, size bounded, an existing cycle.
        (_, fields) = await ApiHost.ProblemAsync(await PutAsync(cycle, "bieu-mau-4.xlsx", Uploads.Xlsx("x")), HttpStatusCode.NotFound);
        Assert.Equal(["file"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await PutAsync(cycle, "bieu-mau-3.xlsx", Uploads.Pdf("không phải Excel")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["file"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await PutAsync(cycle, "bieu-mau-3.xlsx", []), HttpStatusCode.BadRequest);
        Assert.Equal(["file"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await PutAsync(cycle, "bieu-mau-3.xlsx", new byte[ApiHost.MaxFileBytes + 1]), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["file"], fields);
        await ApiHost.ProblemAsync(await PutAsync("khong-co-chu-ky", "bieu-mau-3.xlsx", Uploads.Xlsx("x")), HttpStatusCode.NotFound);
        using (var unit = host.Unit(token))
        {
            await ApiHost.ProblemAsync(await unit.GetAsync("/api/unit/templates/bieu-mau-3.xlsx"), HttpStatusCode.NotFound);
            await ApiHost.ProblemAsync(await unit.PutAsync($"/api/cycles/{cycle}/templates/bieu-mau-3.xlsx", new ByteArrayContent(Uploads.Xlsx("x"))), HttpStatusCode.Forbidden);
        }

        var attached = await ApiHost.ReadAsync(await PutAsync(cycle, "bieu-mau-3.xlsx", Uploads.Xlsx("mẫu cấp xã")), HttpStatusCode.OK);
        Assert.Equal(("bieu-mau-3", true, $"/api/cycles/{cycle}/templates/bieu-mau-3.xlsx"), (attached.GetProperty("form").GetString(), attached.GetProperty("attached").GetBoolean(), attached.GetProperty("url").GetString()));
        using (var response = await host.Operator.GetAsync($"/api/cycles/{cycle}/templates/bieu-mau-3.xlsx"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal((Xlsx, "attachment"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.DispositionType));
            Assert.Equal(Uploads.Xlsx("mẫu cấp xã"), await response.Content.ReadAsByteArrayAsync());
        }

        // A commune sees and downloads its forms' templates; a district sees neither the commune forms nor their template.
        using (var unit = host.Unit(token))
        {
            var task = (await host.GetJsonAsync(unit, "/api/unit/tasks")).GetProperty("tasks")[0];
            Assert.Equal(["bieu-01-dac-diem-tinh-hinh", "bieu-xa", "phu-luc", "bieu-mau-3"], task.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
            Assert.Equal([("phu-luc.docx", true), ("bieu-mau-3.xlsx", true)], task.GetProperty("templates").EnumerateArray().Select(t => (t.GetProperty("file").GetString(), t.GetProperty("attached").GetBoolean())));
            Assert.Equal("/api/unit/templates/bieu-mau-3.xlsx", task.GetProperty("templates")[1].GetProperty("url").GetString());
            Assert.Equal(Uploads.Xlsx("mẫu cấp xã"), await unit.GetByteArrayAsync("/api/unit/templates/bieu-mau-3.xlsx"));
        }

        using (var district = host.Unit(districtToken))
        {
            var task = (await host.GetJsonAsync(district, "/api/unit/tasks")).GetProperty("tasks")[0];
            Assert.Equal(["bieu-01-dac-diem-tinh-hinh", "phu-luc"], task.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
            Assert.Equal(["phu-luc.docx"], task.GetProperty("templates").EnumerateArray().Select(t => t.GetProperty("file").GetString()));
            await ApiHost.ProblemAsync(await district.GetAsync("/api/unit/templates/bieu-mau-3.xlsx"), HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/api/unit/templates/phu-luc.docx")).StatusCode);
        }
    }

    [Fact]
    public async Task AReportWithItsFilledForms_IsRefusedByPart_OrStoredWhole_ReceiptedNamingEveryFile_AndDownloadableByTheOperator()
    {
        var plan = FormsPlan();
        var cycle = "bg-bieu-" + Guid.NewGuid().ToString("N")[..6];
        await ApiHost.ReadAsync(await StartAsync(cycle, plan), HttpStatusCode.Accepted);
        using var commune = host.Unit(await host.TokenAsync(Commune, cycle));
        using var district = host.Unit(await host.TokenAsync(District, cycle));
        var path = $"/api/unit/reports/{Uploads.Report}";

        // A file-only form of the unit's scope without its file: refused, naming the form's part.
        var (_, fields) = await ApiHost.ProblemAsync(await commune.PostAsync(path, Report(plan, Commune, ("phu-luc", "phu-luc.docx", Uploads.Docx("phụ lục")))), HttpStatusCode.BadRequest);
        Assert.Equal(["form:bieu-mau-3"], fields);
        // A district sending the commune-only form, or values for a file-only form.
        (_, fields) = await ApiHost.ProblemAsync(await district.PostAsync(path, Report(plan, District, ("phu-luc", "phu-luc.docx", Uploads.Docx("p")), ("bieu-mau-3", "b.xlsx", Uploads.Xlsx("b")))), HttpStatusCode.BadRequest);
        Assert.Equal(["form:bieu-mau-3"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await district.PostAsync(path, Report(plan, District, [("phu-luc", "phu-luc.docx", Uploads.Docx("p"))], extra: ",\"phu-luc\":{}")), HttpStatusCode.BadRequest);
        Assert.Equal(["statistics.forms.phu-luc"], fields);
        // A filled form that is not what its name says, a text part in a form's place, an id no plan holds.
        (_, fields) = await ApiHost.ProblemAsync(await commune.PostAsync(path, Report(plan, Commune, ("phu-luc", "phu-luc.docx", Uploads.Pdf("x")), ("bieu-mau-3", "b.xlsx", Uploads.Xlsx("b")))), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["form:phu-luc"], fields);
        using (var text = Report(plan, Commune, ("bieu-mau-3", "b.xlsx", Uploads.Xlsx("b"))))
        {
            text.Add(new StringContent("không phải tệp"), "form:phu-luc");
            (_, fields) = await ApiHost.ProblemAsync(await commune.PostAsync(path, text), HttpStatusCode.BadRequest);
            Assert.Equal(["form:phu-luc"], fields);
        }

        (_, fields) = await ApiHost.ProblemAsync(await commune.PostAsync(path, Report(plan, Commune, ("../x", "x.xlsx", Uploads.Xlsx("x")))), HttpStatusCode.BadRequest);
        Assert.Equal(["forms"], fields);
        Assert.Empty((await host.GetJsonAsync(commune, "/api/unit/receipts")).EnumerateArray());

        var accepted = await ApiHost.ReadAsync(await commune.PostAsync(path, Report(plan, Commune,
            ("bieu-mau-3", "bieu-mau-3-xa-tan-an.xlsx", Uploads.Xlsx("biểu mẫu 3 của xã Tân An")), ("phu-luc", "phu-luc-xa-tan-an.docx", Uploads.Docx("phụ lục xã Tân An")))), HttpStatusCode.Created);
        var files = accepted.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(
            [(null, "Báo cáo", "bao-cao.pdf", 1), ("phu-luc", "Phụ lục", "phu-luc-xa-tan-an.docx", 2), ("bieu-mau-3", "Biểu mẫu 3", "bieu-mau-3-xa-tan-an.xlsx", 3)],
            files.Select(f => (f.GetProperty("form").GetString(), f.GetProperty("title").GetString(), f.GetProperty("fileName").GetString(), f.GetProperty("version").GetInt32())));
        var receipt = accepted.GetProperty("receiptNumber").GetString()!;
        Assert.Equal(receipt, files[0].GetProperty("receiptNumber").GetString());

        // One receipt mail for the submission, naming every file with its form.
        RecordedMailText? mail = null;
        await ApiHost.Eventually(() => (mail = Mail(MessageKeys.Receipt(cycle, receipt))) is not null);
        Assert.Contains("Các tệp đã nhận:", mail!.Text, StringComparison.Ordinal);
        Assert.Contains("- Báo cáo: bao-cao.pdf (", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Phụ lục: phu-luc-xa-tan-an.docx (", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Biểu mẫu 3: bieu-mau-3-xa-tan-an.xlsx (", mail.Text, StringComparison.Ordinal);
        Assert.All(files.Skip(1), f => Assert.Null(Mail(MessageKeys.Receipt(cycle, f.GetProperty("receiptNumber").GetString()!))));

        var receipts = (await host.GetJsonAsync(commune, "/api/unit/receipts")).EnumerateArray().ToList();
        Assert.Equal([(null, "Báo cáo", "bao-cao.pdf"), ("phu-luc", "Phụ lục", "phu-luc-xa-tan-an.docx"), ("bieu-mau-3", "Biểu mẫu 3", "bieu-mau-3-xa-tan-an.xlsx")],
            receipts.Select(r => (r.GetProperty("form").GetString(), r.GetProperty("formTitle").GetString(), r.GetProperty("fileName").GetString())));

        // The operator downloads the report and its filled forms from the unit's row.
        var row = (await host.GetJsonAsync(host.Operator, $"/api/cycles/{cycle}/units?subject={Uploads.Report}")).EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == Commune);
        var links = row.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("title").GetString(), f.GetProperty("url").GetString()!)).ToList();
        Assert.Equal(["Báo cáo", "Phụ lục", "Biểu mẫu 3"], links.Select(l => l.Item1));
        Assert.Equal(Uploads.Xlsx("biểu mẫu 3 của xã Tân An"), await host.Operator.GetByteArrayAsync(links[2].Item2));
        Assert.Equal(Uploads.Docx("phụ lục xã Tân An"), await host.Operator.GetByteArrayAsync(links[1].Item2));

        // A district hands in its report and the one file-only form it fills.
        var districtReceipt = await ApiHost.ReadAsync(await district.PostAsync(path, Report(plan, District, ("phu-luc", "phu-luc.docx", Uploads.Docx("phụ lục huyện")))), HttpStatusCode.Created);
        Assert.Equal(["Báo cáo", "Phụ lục"], districtReceipt.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task CrashBetweenAReportWithItsFormsAndItsReceipt_TheOutboxSendsOneReceiptNamingEveryFile_FromTheAuditRows()
    {
        var cycle = "bg-hoi-" + Guid.NewGuid().ToString("N")[..6];
        await ApiHost.ReadAsync(await StartAsync(cycle, FormsPlan()), HttpStatusCode.Accepted);
        await host.TokenAsync(Commune, cycle);
        var services = host.Services;
        var key = new SubmissionKey(cycle, Commune, Uploads.Report);
        var arrival = ApiHost.Vn(3, 11, 9);
        // What the boundary does before the process dies: the intent, then the files stored and counted; no receipt.
        await services.GetRequiredService<MailOutboxService>().IntendAsync(key, arrival);
        var results = await services.GetRequiredService<UploadAcceptance>().AcceptAsync(
        [
            new UploadRequest(key, "bao-cao.pdf", "application/pdf", new MemoryStream(Uploads.Pdf("Tân An"))) { ReceivedAt = arrival },
            new UploadRequest(key, "phu-luc-tan-an.docx", Docx, new MemoryStream(Uploads.Docx("phụ lục"))) { ReceivedAt = arrival, Form = "phu-luc" },
            new UploadRequest(key, "bieu-mau-3-tan-an.xlsx", Xlsx, new MemoryStream(Uploads.Xlsx("biểu mẫu 3"))) { ReceivedAt = arrival, Form = "bieu-mau-3" },
        ], null);
        Assert.All(results, r => Assert.True(r.Accepted));
        var mailKey = MessageKeys.Receipt(cycle, results[0].ReceiptNumber!);

        var outbox = services.GetRequiredService<MailOutbox>();
        var before = outbox.Status.LastRunAt;
        host.Time.Advance(TimeSpan.FromMinutes(3));
        outbox.Wake();
        await ApiHost.Eventually(() => Mail(mailKey) is not null && outbox.Status.LastRunAt != before);

        var mail = Mail(mailKey)!;
        Assert.Contains("- Báo cáo: bao-cao.pdf (", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Phụ lục: phu-luc-tan-an.docx (", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Biểu mẫu 3: bieu-mau-3-tan-an.xlsx (", mail.Text, StringComparison.Ordinal);
        Assert.Single(host.Sink.Accepted, m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == mailKey);
        Assert.All(results.Skip(1), r => Assert.Null(Mail(MessageKeys.Receipt(cycle, r.ReceiptNumber!))));
    }

    private Task<HttpResponseMessage> StartAsync(string cycle, Plan plan, params (string Name, byte[] Content)[] templates)
    {
        var form = new MultipartFormDataContent();
        var json = new ByteArrayContent(Encoding.UTF8.GetBytes(PlanJson.Write(plan)));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(json, "plan", "ke-hoach.plan.json");
        foreach (var (name, content) in templates)
        {
            form.Add(Uploads.File(content, "application/octet-stream"), "templates", name);
        }

        return host.Operator.PostAsync($"/api/cycles?id={cycle}&rehearsal=step&from={Uri.EscapeDataString(ApiHost.Vn(3, 11, 9).ToString("O"))}", form);
    }

    private Task<HttpResponseMessage> PutAsync(string cycle, string file, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return host.Operator.PutAsync($"/api/cycles/{cycle}/templates/{Uri.EscapeDataString(file)}", body);
    }

    private static MultipartFormDataContent Report(Plan plan, string unitId, params (string Form, string Name, byte[] Content)[] forms) => Report(plan, unitId, forms, "");

    /// <summary>A report file, a value for every field of the unit's forms (plus <paramref name="extra"/> forms' JSON), and the filled forms.</summary>
    private static MultipartFormDataContent Report(Plan plan, string unitId, (string Form, string Name, byte[] Content)[] forms, string extra)
    {
        var unit = plan.Units.Single(u => u.Id == unitId);
        var values = plan.Deliverables[0].FormsFor(unit).Where(f => !f.IsFileOnly).ToDictionary(
            f => f.Id,
            f => f.Fields.ToDictionary(x => x.Id, x => x.Type == FieldType.Integer ? (object)new { number = 3 } : new { text = "Không" }));
        var statistics = JsonSerializer.Serialize(new { forms = values });
        var form = new MultipartFormDataContent
        {
            { Uploads.File(Uploads.Pdf($"báo cáo {unitId}"), "application/pdf"), "file", "bao-cao.pdf" },
            { new StringContent(statistics[..^2] + extra + "}}", Encoding.UTF8), "statistics" },
        };
        foreach (var (id, name, content) in forms)
        {
            form.Add(Uploads.File(content, "application/octet-stream"), $"form:{id}", name);
        }

        return form;
    }

    private RecordedMailText Notice(string cycle, string unitId) => Mail(MessageKeys.PlanNotice(cycle, unitId)) ?? throw new InvalidOperationException($"No notice to {unitId}.");

    private RecordedMailText? Mail(string key) =>
        host.Sink.Accepted.FirstOrDefault(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == key) is { } m ? new RecordedMailText(m.Text ?? "", m.Html ?? "") : null;

    private sealed record RecordedMailText(string Text, string Html);
}
