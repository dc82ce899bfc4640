using System.Net;
using System.Net.Http.Json;

namespace Workflow.Api.Tests;

/// <summary>A cycle through the API from the first nomination to the exports: the province's picks, the close, the downloads.</summary>
public sealed class CycleLifecycleTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Picked = "bang-khen-chu-tich-tinh";

    [Fact]
    public async Task Cycle_RunsToItsClose_WithPicks_ThenExportsDownload()
    {
        var cycle = $"/api/cycles/{ApiHost.CycleId}";
        using (var unit = host.Unit(await host.TokenAsync("bcd-yen-the")))
        {
            await host.AdvanceAsync(ApiHost.Vn(3, 20, 10));
            await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/nominations/{Uploads.Round}", Uploads.NominationForm(Uploads.Nomination("de-nghi-yen-the-01", "bcd-yen-the"))), HttpStatusCode.Created);
            using var report = Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Yên Thế"));
            await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", report), HttpStatusCode.Created);
        }

        // Before the proposal round closes, the province has nothing to pick from.
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/picks/{Picked}", new { nominations = new[] { "de-nghi-yen-the-01" }, pickedBy = "pv01" }), HttpStatusCode.Conflict);

        await host.AdvanceAsync(ApiHost.Vn(4, 1));
        await ApiHost.Eventually(async () => Round(await host.GetJsonAsync(host.Operator, cycle), Picked).GetProperty("runtimeStatus").GetString() == "running");
        var round = Round(await host.GetJsonAsync(host.Operator, cycle), Uploads.Round);
        Assert.Equal((1, 1), (round.GetProperty("received").GetInt32(), round.GetProperty("accepted").GetInt32()));

        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/picks/{Picked}", new { nominations = new[] { "khong-co" }, pickedBy = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(["nominations[0]", "pickedBy"], fields);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/picks/{Uploads.Round}", new { nominations = new[] { "de-nghi-yen-the-01" }, pickedBy = "pv01" }), HttpStatusCode.BadRequest);
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{cycle}/picks/{Picked}", new { nominations = new[] { "de-nghi-yen-the-01" }, pickedBy = "Phòng PV01" }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, $"{cycle}/nominations/{Picked}")).GetArrayLength() == 1);

        // A dossier arriving after the round was judged is refused; the host's headline counts it at once.
        using (var late = host.Unit(await host.TokenAsync("bcd-luc-nam")))
        {
            await ApiHost.ProblemAsync(await late.PostAsync($"/api/unit/nominations/{Uploads.Round}", Uploads.NominationForm(Uploads.Nomination("de-nghi-luc-nam-01", "bcd-luc-nam"))), HttpStatusCode.Conflict);
        }

        var open = (await host.GetJsonAsync(host.Operator, cycle)).GetProperty("nominations");
        Assert.Equal((1, 1, 1, 1), (open.GetProperty("received").GetInt32(), open.GetProperty("rejected").GetInt32(), open.GetProperty("lateRejected").GetInt32(), open.GetProperty("picked").GetInt32()));

        // A late report is taken and marked late: the point is to chase it.
        await host.AdvanceAsync(ApiHost.Vn(5, 1));
        using (var unit = host.Unit(await host.TokenAsync("bcd-tan-yen")))
        {
            using var report = Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Tân Yên"));
            var receipt = await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", report), HttpStatusCode.Created);
            Assert.Equal(("accepted-late", true, "01/05/2024 00:00:00"),
                (receipt.GetProperty("outcome").GetString(), receipt.GetProperty("late").GetBoolean(), receipt.GetProperty("receivedAtText").GetString()));
        }

        await host.AdvanceAsync(ApiHost.Vn(8, 1));
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, cycle)).GetProperty("runtimeStatus").GetString() == "completed", seconds: 60);

        var detail = await host.GetJsonAsync(host.Operator, cycle);
        Assert.Equal("closed", detail.GetProperty("progress").GetProperty("phase").GetString());
        // The closed cycle's own headline is the host's: the pick is not a second proposal, the late dossier is rejected.
        var nominations = detail.GetProperty("nominations");
        Assert.Equal((1, 1, 1, 1), (nominations.GetProperty("received").GetInt32(), nominations.GetProperty("rejected").GetInt32(), nominations.GetProperty("lateRejected").GetInt32(), nominations.GetProperty("picked").GetInt32()));
        Assert.Equal(nominations.GetRawText(), detail.GetProperty("progress").GetProperty("nominations").GetRawText());
        var districts = detail.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "district-committee");
        Assert.Equal((1, 1, 18, 0), (districts.GetProperty("onTime").GetInt32(), districts.GetProperty("late").GetInt32(), districts.GetProperty("missing").GetInt32(), districts.GetProperty("pending").GetInt32()));

        var exports = (await host.GetJsonAsync(host.Operator, $"{cycle}/exports")).EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("url").GetString()!);
        Assert.Contains("tong-hop.xlsx", exports.Keys);
        var csv = exports.Keys.First(n => n.EndsWith(".csv", StringComparison.Ordinal));
        var file = await host.Operator.GetAsync(exports[csv]);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/csv", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(csv, file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        var workbook = await host.Operator.GetAsync(exports["tong-hop.xlsx"]);
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], (await workbook.Content.ReadAsByteArrayAsync())[..4]);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"{cycle}/exports/..%2F..%2Fkhac.csv"), HttpStatusCode.NotFound);

        // Closed: the instance no longer takes commands, and the units' links have expired with the cycle.
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/terminate", new { reason = "x" }), HttpStatusCode.Conflict);
        await ApiHost.ProblemAsync(await host.Operator.PostAsync($"{cycle}/consolidations", content: null), HttpStatusCode.Conflict);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/extensions", new
        {
            subject = Uploads.Report,
            // Inside the plan's span, so it is the closed cycle that refuses it, not the date.
            newDeadline = new { semantics = "before", date = "2024-07-20" },
            requestedBy = "pv01",
            reason = "x",
        }), HttpStatusCode.Conflict);
        using var expired = host.Unit(await host.TokenAsync("bcd-yen-the"));
        await ApiHost.ProblemAsync(await expired.GetAsync("/api/unit/tasks"), HttpStatusCode.Unauthorized);
    }

    private static System.Text.Json.JsonElement Round(System.Text.Json.JsonElement cycle, string id) =>
        cycle.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
}
