using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Email;
using Workflow.MailSink;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>Every route on a running Bắc Giang cycle: starting, reading, uploading (and refusing), extending, controlling.</summary>
public sealed class ApiRouteTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task StartCycle_RefusesBadPlansAndReusedIds_WithEveryErrorNamed()
    {
        var broken = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "broken.plan.json"));
        var (problem, fields) = await ApiHost.ProblemAsync(await Post("/api/cycles?id=hong", broken), HttpStatusCode.BadRequest);
        Assert.True(fields.Length > 5, problem.ToString());
        Assert.Contains("$.units[2].block", fields);

        (_, fields) = await ApiHost.ProblemAsync(await Post("/api/cycles", "{\"id\": \"x\", \"number\": 3"), HttpStatusCode.BadRequest);
        Assert.Single(fields);
        (_, fields) = await ApiHost.ProblemAsync(await Post("/api/cycles?id=co%20dau%20cach", host.PlanText), HttpStatusCode.BadRequest);
        Assert.Equal(["id"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await Post($"/api/cycles?id={ApiHost.CycleId}", host.PlanText), HttpStatusCode.Conflict);
        Assert.Equal(["id"], fields);
        // An id whose stored plan differs (a start that stored its plan and never scheduled) is taken all the same.
        await host.Services.GetRequiredService<IPlanStore>().SaveAsync("da-luu-ke-hoach", host.Plan with { Title = "Kế hoạch khác" });
        (_, fields) = await ApiHost.ProblemAsync(await Post("/api/cycles?id=da-luu-ke-hoach", host.PlanText), HttpStatusCode.Conflict);
        Assert.Equal(["id"], fields);
        using var text = new StringContent(host.PlanText, Encoding.UTF8, "text/plain");
        await ApiHost.ProblemAsync(await host.Operator.PostAsync("/api/cycles?id=khac", text), HttpStatusCode.UnsupportedMediaType);

        // The cycle started carries its schedule, not its units' names and addresses: those are read from the stored plan.
        var instance = await host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetInstanceAsync(ApiHost.CycleId, getInputsAndOutputs: true);
        var unit = host.Plan.Units.First(u => u.Emails.Count > 0);
        Assert.Contains($"\"{unit.Id}\"", instance!.SerializedInput, StringComparison.Ordinal);
        Assert.DoesNotContain(unit.Emails[0], instance.SerializedInput, StringComparison.Ordinal);
        Assert.Equal(host.Plan.Units.Count, (await host.Services.GetRequiredService<IPlanStore>().GetAsync(ApiHost.CycleId))!.Units.Count(u => u.Name.Length > 0));

        // Rehearsals: a speed out of range, or a start instant for a live cycle, is refused by name.
        (_, fields) = await ApiHost.ProblemAsync(await Post("/api/cycles?id=dien-tap&rehearsal=0.5", host.PlanText), HttpStatusCode.BadRequest);
        Assert.Equal(["rehearsal"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await Post("/api/cycles?id=dien-tap&from=2024-03-11T01:00:00Z", host.PlanText), HttpStatusCode.BadRequest);
        Assert.Equal(["from"], fields);
        // The fixture's cycle is a stepped rehearsal: its clock cannot move backwards.
        (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{ApiHost.CycleId}/rehearsal/advance", new { to = ApiHost.Vn(3, 1) }), HttpStatusCode.BadRequest);
        Assert.Equal(["to"], fields);
    }

    [Fact]
    public async Task ListAndGetCycle_ShowOnlyReportingCycles_WithBlocksDeliverablesAndRounds()
    {
        var page = await host.GetJsonAsync(host.Operator, "/api/cycles?status=Running&pageSize=100");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Contains(ApiHost.CycleId, ids);
        Assert.DoesNotContain(ids, id => id.Contains(':', StringComparison.Ordinal));
        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.GetAsync("/api/cycles?status=dang-chay&createdFrom=hom-qua"), HttpStatusCode.BadRequest);
        Assert.Equal(["status", "createdFrom"], fields);

        var cycle = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}");
        Assert.Equal("running", cycle.GetProperty("runtimeStatus").GetString());
        Assert.Equal(host.Plan.Number, cycle.GetProperty("planNumber").GetString());
        var blocks = cycle.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(host.Plan.Blocks.Select(b => b.Id), blocks.Select(b => b.GetProperty("id").GetString()));
        var districts = blocks.Single(b => b.GetProperty("id").GetString() == "district-committee");
        Assert.Equal(20, districts.GetProperty("expected").GetInt32());
        var report = cycle.GetProperty("deliverables")[0];
        Assert.Equal(("trước ngày 01/05/2024", "30/04/2024 23:59", "accept-and-mark-late"),
            (report.GetProperty("deadlineText").GetString(), report.GetProperty("lastAcceptedText").GetString(), report.GetProperty("latePolicy").GetString()));
        Assert.Equal(["giay-khen-giam-doc", "bang-khen-chu-tich-tinh", "bang-khen-bo-truong"], cycle.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        await ApiHost.ProblemAsync(await host.Operator.GetAsync("/api/cycles/khong-co"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReportUpload_IsReceipted_ThenSeenByTheUnitAndTheOperator_AndTheFileComesBackIntact()
    {
        using var unit = host.Unit(await host.TokenAsync("bcd-son-dong"));
        var content = Uploads.Pdf("Báo cáo tổng kết huyện Sơn Động");
        using var form = Uploads.ReportForm(host.Plan, content, "Báo cáo Sơn Động.pdf");
        var receipt = await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", form), HttpStatusCode.Created);
        Assert.Equal(("accepted-on-time", false, 1), (receipt.GetProperty("outcome").GetString(), receipt.GetProperty("late").GetBoolean(), receipt.GetProperty("version").GetInt32()));
        Assert.Matches(@"^\d{2}/\d{2}/2024 \d{2}:\d{2}:\d{2}$", receipt.GetProperty("receivedAtText").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), receipt.GetProperty("sha256").GetString());
        var number = receipt.GetProperty("receiptNumber").GetString()!;

        var tasks = await host.GetJsonAsync(unit, "/api/unit/tasks");
        var task = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("subject").GetString() == Uploads.Report);
        Assert.Equal(("on-time", number, "report"), (task.GetProperty("state").GetString(), task.GetProperty("receipt").GetString(), task.GetProperty("kind").GetString()));
        Assert.NotEmpty(task.GetProperty("forms").EnumerateArray());
        var round = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("subject").GetString() == Uploads.Round);
        Assert.Equal(("nomination", "31/03/2024 23:59"), (round.GetProperty("kind").GetString(), round.GetProperty("lastAcceptedText").GetString()));
        Assert.Equal(6, round.GetProperty("documents").GetArrayLength());
        Assert.Contains(number, (await host.GetJsonAsync(unit, "/api/unit/receipts")).EnumerateArray().Select(r => r.GetProperty("receipt").GetString()));

        var rows = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/units?subject={Uploads.Report}&block=district-committee");
        var row = rows.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == "bcd-son-dong");
        Assert.Equal(("on-time", number, 1), (row.GetProperty("state").GetString(), row.GetProperty("receipt").GetString(), row.GetProperty("version").GetInt32()));
        Assert.Equal(10, rows.GetArrayLength());
        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.GetAsync($"/api/cycles/{ApiHost.CycleId}/units?subject=khong-co"), HttpStatusCode.BadRequest);
        Assert.Equal(["subject"], fields);

        var download = await host.Operator.GetAsync($"/api/cycles/{ApiHost.CycleId}/dossiers/bcd-son-dong/{Uploads.Report}/1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("Báo cáo Sơn Động.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"/api/cycles/{ApiHost.CycleId}/dossiers/bcd-son-dong/{Uploads.Report}/2"), HttpStatusCode.NotFound);

        var timeline = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/timeline");
        var kinds = timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("started", kinds);
        Assert.Contains("upload-accepted", kinds);
        Assert.True(timeline.GetArrayLength() <= 500);

        // A resubmission is a new version; a name with directories (an old Windows browser's) keeps only its last part.
        using var again = Uploads.ReportForm(host.Plan, Uploads.Pdf("Bản sửa"), "C:\\Users\\vanthu\\Desktop\\bản sửa.pdf");
        var second = await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", again), HttpStatusCode.Created);
        Assert.Equal((2, "bản sửa.pdf"), (second.GetProperty("version").GetInt32(), second.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task BadUploads_AreRefusedWithTheFieldNamed_AndNothingIsStored()
    {
        const string unitId = "bcd-yen-dung";
        using var unit = host.Unit(await host.TokenAsync(unitId));
        var path = $"/api/unit/reports/{Uploads.Report}";

        // Over the per-file limit (413 from the boundary) and over the request limit (413 from Kestrel).
        await ApiHost.ProblemAsync(await unit.PostAsync(path, Uploads.ReportForm(host.Plan, Pad(Uploads.Pdf("lon"), ApiHost.MaxFileBytes + 1))), HttpStatusCode.RequestEntityTooLarge);
        await ApiHost.ProblemAsync(await unit.PostAsync(path, Uploads.ReportForm(host.Plan, Pad(Uploads.Pdf("rat lon"), ApiHost.MaxRequestBytes + 1))), HttpStatusCode.RequestEntityTooLarge);

        // Checked by content: an executable or a ZIP named .pdf, and a type not allowed at all.
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04];
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00];
        foreach (var (bytes, name) in new[] { (exe, "bao-cao.pdf"), (zip, "bao-cao.pdf"), (exe, "bao-cao.exe"), (Uploads.Pdf("pdf"), "bao-cao.docx") })
        {
            var (_, fields) = await ApiHost.ProblemAsync(await unit.PostAsync(path, Uploads.ReportForm(host.Plan, bytes, name)), HttpStatusCode.UnsupportedMediaType);
            Assert.Equal(["file"], fields);
        }

        // Forged names are refused, not cleaned: one climbing directories, a percent-encoded NUL, an overlong one.
        foreach (var name in new[] { "../../../etc/passwd.pdf", "bao-cao%00.exe.pdf", new string('f', 5000) + ".pdf" })
        {
            var (problem, fields) = await ApiHost.ProblemAsync(await unit.PostAsync(path, Uploads.ReportForm(host.Plan, Uploads.Pdf("x"), name)), HttpStatusCode.BadRequest);
            Assert.Equal(["file"], fields);
            Assert.True(problem.ToString().Length < 2_000, "The refusal must not echo the forged name.");
        }

        // Malformed statistics name the field; statistics that do not fit the forms name each bad value.
        var (_, malformed) = await ApiHost.ProblemAsync(await unit.PostAsync(path, Uploads.ReportForm(host.Plan, Uploads.Pdf("x"), statistics: "{\"forms\": {")), HttpStatusCode.BadRequest);
        Assert.StartsWith("statistics", Assert.Single(malformed), StringComparison.Ordinal);
        var (_, invalid) = await ApiHost.ProblemAsync(await unit.PostAsync(path, Uploads.ReportForm(host.Plan, Uploads.Pdf("x"), statistics: "{\"forms\": {}}")), HttpStatusCode.BadRequest);
        Assert.Contains(invalid, f => f.StartsWith("statistics.forms.bieu-01-dac-diem-tinh-hinh.", StringComparison.Ordinal));

        // No file, not multipart, an unknown deliverable.
        using (var noFile = new MultipartFormDataContent { { new StringContent(Uploads.Statistics(host.Plan, 1)), "statistics" } })
        {
            Assert.Equal(["file"], (await ApiHost.ProblemAsync(await unit.PostAsync(path, noFile), HttpStatusCode.BadRequest)).Fields);
        }

        await ApiHost.ProblemAsync(await unit.PostAsJsonAsync(path, new { file = "x" }), HttpStatusCode.UnsupportedMediaType);
        await ApiHost.ProblemAsync(await unit.PostAsync("/api/unit/reports/khong-co", Uploads.ReportForm(host.Plan, Uploads.Pdf("x"))), HttpStatusCode.NotFound);

        var dossiers = host.Services.GetRequiredService<IDossierStore>();
        Assert.Empty(await dossiers.ListVersionsAsync(new SubmissionKey(ApiHost.CycleId, unitId, Uploads.Report)));
        Assert.Empty((await host.GetJsonAsync(unit, "/api/unit/receipts")).EnumerateArray());
    }

    [Fact]
    public async Task OverlongTexts_AreRefusedNamingTheField_BeforeAnythingIsStored()
    {
        const string unitId = "bcd-hiep-hoa";
        using var unit = host.Unit(await host.TokenAsync(unitId));
        var form = host.Plan.Deliverables.Single(d => d.Id == Uploads.Report).Forms[0];
        var statistics = System.Text.Json.Nodes.JsonNode.Parse(Uploads.Statistics(host.Plan, 3))!;
        statistics["forms"]![form.Id]![form.Fields[0].Id] = new System.Text.Json.Nodes.JsonObject { ["text"] = new string('x', 200_000) };

        var (_, reportFields) = await ApiHost.ProblemAsync(
            await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", Uploads.ReportForm(host.Plan, Uploads.Pdf("báo cáo"), statistics: statistics.ToJsonString())), HttpStatusCode.BadRequest);
        Assert.Equal([$"statistics.forms.{form.Id}.{form.Fields[0].Id}"], reportFields);

        var nomination = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Uploads.Nomination("de-nghi-ten-dai", unitId)))!;
        nomination["name"] = "Công an\u0000\u001b[31m xã";
        var (_, controlFields) = await ApiHost.ProblemAsync(
            await unit.PostAsync($"/api/unit/nominations/{Uploads.Round}", Uploads.NominationForm(nomination.ToJsonString())), HttpStatusCode.BadRequest);
        Assert.Equal(["nomination.name"], controlFields);

        nomination["name"] = new string('T', 300_000);
        var (problem, nominationFields) = await ApiHost.ProblemAsync(
            await unit.PostAsync($"/api/unit/nominations/{Uploads.Round}", Uploads.NominationForm(nomination.ToJsonString())), HttpStatusCode.BadRequest);
        Assert.Equal(["nomination.name"], nominationFields);
        Assert.True(problem.ToString().Length < 10_000, "The refusal must not echo the overlong value.");

        var dossiers = host.Services.GetRequiredService<IDossierStore>();
        Assert.Empty(await dossiers.ListVersionsAsync(new SubmissionKey(ApiHost.CycleId, unitId, Uploads.Report)));
        Assert.Empty(await dossiers.ListVersionsAsync(new SubmissionKey(ApiHost.CycleId, unitId, Uploads.Round)));
        var status = host.Services.GetRequiredService<IStatusStore>();
        Assert.Equal(SubmissionState.Pending, (await status.GetAsync(new SubmissionKey(ApiHost.CycleId, unitId, Uploads.Report)))!.State);
        Assert.DoesNotContain(await status.ListNomineesAsync(ApiHost.CycleId, Uploads.Round), n => n.NominationId == "de-nghi-ten-dai");
    }

    [Fact]
    public async Task Nominations_AtTheLastSecondAreReceipted_AtMidnightAreRefusedAuditedAndMailed_AndNothingStored()
    {
        using var onTime = host.Unit(await host.TokenAsync("bcd-tan-yen"));
        using var late = host.Unit(await host.TokenAsync("bcd-luc-nam"));
        var path = $"/api/unit/nominations/{Uploads.Round}";

        // Malformed dossiers first, while the round is open.
        var (_, malformed) = await ApiHost.ProblemAsync(await onTime.PostAsync(path, Uploads.NominationForm("{\"id\": ")), HttpStatusCode.BadRequest);
        Assert.StartsWith("nomination", Assert.Single(malformed), StringComparison.Ordinal);
        Assert.Equal(["files"], (await ApiHost.ProblemAsync(await onTime.PostAsync(path, Uploads.NominationForm(Uploads.Nomination("de-nghi-tan-yen-01", "bcd-tan-yen"), files: 5)), HttpStatusCode.BadRequest)).Fields);

        await host.AdvanceAsync(ApiHost.Vn(3, 31, 23, 59, 59));
        var receipt = await ApiHost.ReadAsync(await onTime.PostAsync(path, Uploads.NominationForm(Uploads.Nomination("de-nghi-tan-yen-01", "bcd-tan-yen"))), HttpStatusCode.Created);
        Assert.Equal(("accepted-on-time", "31/03/2024 23:59:59", 6), (receipt.GetProperty("outcome").GetString(), receipt.GetProperty("receivedAtText").GetString(), receipt.GetProperty("files").GetArrayLength()));

        // Another unit cannot take over that nomination id.
        var (_, taken) = await ApiHost.ProblemAsync(await late.PostAsync(path, Uploads.NominationForm(Uploads.Nomination("de-nghi-tan-yen-01", "bcd-luc-nam"))), HttpStatusCode.Conflict);
        Assert.Equal(["nomination.id"], taken);

        await host.AdvanceAsync(ApiHost.Vn(4, 1));
        var (problem, fields) = await ApiHost.ProblemAsync(await late.PostAsync(path, Uploads.NominationForm(Uploads.Nomination("de-nghi-luc-nam-01", "bcd-luc-nam"))), HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("00:00:00 01/04/2024", detail, StringComparison.Ordinal);
        Assert.Contains("trước ngày 01/04/2024", detail, StringComparison.Ordinal);
        Assert.All(fields, f => Assert.Equal("files", f));

        var status = host.Services.GetRequiredService<IStatusStore>();
        // Both refusals are audited: the id taken, then the late dossier.
        var audits = await status.ListAuditAsync(ApiHost.CycleId, Uploads.Round, "bcd-luc-nam");
        Assert.Equal([UploadOutcome.RejectedInvalid, UploadOutcome.RejectedLate], audits.Select(a => a.Outcome));
        Assert.StartsWith("nomination.id:", audits[0].Reason, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IDossierStore>().ListVersionsAsync(new SubmissionKey(ApiHost.CycleId, "bcd-luc-nam", Uploads.Round)));
        Assert.Empty((await host.GetJsonAsync(late, "/api/unit/receipts")).EnumerateArray());
        bool IsRefusal(RecordedMail m) => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg)?.StartsWith($"{ApiHost.CycleId}:bcd-luc-nam:{Uploads.Round}:rejected:", StringComparison.Ordinal) == true;
        Assert.Contains(host.Sink.Accepted, IsRefusal);
        var refusal = host.Sink.Accepted.First(IsRefusal);
        // The dossier's six files were refused whole: the mail names every one, in the order they were sent.
        var lines = refusal.Text!.Split('\n');
        var listed = Array.FindIndex(lines, l => l.StartsWith("Hệ thống không tiếp nhận hồ sơ gồm 6 tệp", StringComparison.Ordinal));
        Assert.True(listed >= 0, refusal.Text);
        Assert.Equal(Uploads.DocumentIds.Select((d, i) => $"{i + 1}. «{d}.pdf»"), lines[(listed + 1)..(listed + 7)]);

        var nominees = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/nominations/{Uploads.Round}");
        Assert.Equal(["de-nghi-tan-yen-01"], nominees.EnumerateArray().Select(n => n.GetProperty("nominationId").GetString()));
        var timeline = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("kind").GetString() == "upload-rejected-late");
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"/api/cycles/{ApiHost.CycleId}/nominations/khong-co"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Extension_IsValidatedFieldByField_ThenMovesTheUnitsDeadline()
    {
        var path = $"/api/cycles/{ApiHost.CycleId}/extensions";
        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync(path, new
        {
            subject = "khong-co",
            newDeadline = new { semantics = "before" },
            units = new[] { "khong-co" },
            requestedBy = "",
            reason = "",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["subject", "units[0]", "newDeadline", "requestedBy", "reason"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync(path, new { subject = "tong-ket-cap-huyen", newDeadline = new { semantics = "som" } }), HttpStatusCode.BadRequest);
        Assert.Equal(["newDeadline.semantics"], fields);
        (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync(path, new
        {
            subject = "tong-ket-cap-huyen",
            newDeadline = new { semantics = "by", date = "2024-06-10" },
            units = new[] { "so-noi-vu" },
            requestedBy = "pv01",
            reason = "x",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["units[0]"], fields);

        var accepted = await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync(path, new
        {
            subject = "tong-ket-cap-huyen",
            newDeadline = new { semantics = "by", date = "2024-06-10" },
            units = new[] { "bcd-hiep-hoa" },
            requestedBy = "Phòng PV01",
            reason = "Huyện tổ chức hội nghị muộn do thiên tai.",
        }), HttpStatusCode.Accepted);
        Assert.Equal("chậm nhất ngày 10/06/2024", accepted.GetProperty("newDeadlineText").GetString());
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/units?subject=tong-ket-cap-huyen"))
            .EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == "bcd-hiep-hoa").GetProperty("deadlineText").GetString() == "chậm nhất ngày 10/06/2024");
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/timeline"))
            .EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "extension"));
    }

    [Fact]
    public async Task SuspendResumeTerminate_FollowTheInstanceState()
    {
        const string id = "bg-api-dung";
        using (var plan = new StringContent(host.PlanText, Encoding.UTF8, "application/json"))
        {
            var started = await ApiHost.ReadAsync(await host.Operator.PostAsync($"/api/cycles?id={id}&rehearsal=step", plan), HttpStatusCode.Accepted);
            Assert.EndsWith($"/api/cycles/{id}/terminate", started.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
        }

        await ApiHost.Eventually(async () => (await Status(id)) == "running");
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{id}/resume", new { reason = "x" }), HttpStatusCode.Conflict);
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{id}/suspend", new { reason = "Kiểm tra số liệu" }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await Status(id)) == "suspended");
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{id}/resume", new { reason = "Đã kiểm tra" }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await Status(id)) == "running");
        await ApiHost.ReadAsync(await host.Operator.PostAsync($"/api/cycles/{id}/terminate", null), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await Status(id)) == "terminated");
        var timeline = (await host.GetJsonAsync(host.Operator, $"/api/cycles/{id}/timeline")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("suspend", timeline);
        Assert.Contains("resume", timeline);
        Assert.Contains("terminated", timeline);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"/api/cycles/{id}/terminate", new { reason = "x" }), HttpStatusCode.Conflict);
        Assert.Empty((await host.GetJsonAsync(host.Operator, $"/api/cycles/{id}/exports")).EnumerateArray());
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"/api/cycles/{id}/exports/tong-hop.xlsx"), HttpStatusCode.NotFound);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync("/api/cycles/khong-co/suspend", new { reason = "x" }), HttpStatusCode.NotFound);
    }

    private async Task<string?> Status(string id) => (await host.GetJsonAsync(host.Operator, $"/api/cycles/{id}")).GetProperty("runtimeStatus").GetString();

    private Task<HttpResponseMessage> Post(string path, string json) => host.Operator.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static byte[] Pad(byte[] head, long size)
    {
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
