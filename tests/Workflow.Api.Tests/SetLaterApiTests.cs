using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Domain.Nominations;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Tests;

/// <summary>
/// Through the API, what a plan leaves for later: a round without a deadline (shown so, refusing dossiers plainly until an
/// operator dates it through the extension route), a quota rule without numbers (set once, validated, recorded) and
/// optional deliverables and rounds (flagged for the dashboard, the unit page and the CLI).
/// </summary>
public sealed class SetLaterApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string CycleId = "bg-de-sau";
    private const string Optional = "tong-ket-cap-huyen";
    private const string Undated = "giay-khen-bo-sung";
    private const string Cycle = $"/api/cycles/{CycleId}";

    [Fact]
    public async Task UndatedRound_IsDatedByAnOperator_AndPendingQuota_IsSetOnce()
    {
        await StartAsync();

        // As started: the round without a deadline, the rule without numbers, the optional subjects.
        var detail = await host.GetJsonAsync(host.Operator, Cycle);
        Assert.Equal(("undated", "Chưa ấn định thời hạn", "Chưa ấn định thời hạn"), (Round(detail, Undated).GetProperty("state").GetString(),
            Round(detail, Undated).GetProperty("stateText").GetString(), Round(detail, Undated).GetProperty("deadlineText").GetString()));
        var round = Round(detail, Uploads.Round);
        Assert.Equal(("open", true), (round.GetProperty("state").GetString(), round.GetProperty("optional").GetBoolean()));
        Assert.Equal(["chi-tieu-bo"], round.GetProperty("pendingQuotas").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        Assert.True(detail.GetProperty("deliverables").EnumerateArray().Single(d => d.GetProperty("id").GetString() == Optional).GetProperty("optional").GetBoolean());

        using var unit = host.Unit(await host.TokenAsync("bcd-yen-the", CycleId));
        var task = Task(await host.GetJsonAsync(unit, "/api/unit/tasks"), Undated);
        Assert.Equal(("undated", "Chưa ấn định thời hạn"), (task.GetProperty("state").GetString(), task.GetProperty("deadlineText").GetString()));
        Assert.True(Task(await host.GetJsonAsync(unit, "/api/unit/tasks"), Optional).GetProperty("optional").GetBoolean());
        var (refused, refusedFields) = await ApiHost.ProblemAsync(
            await unit.PostAsync($"/api/unit/nominations/{Undated}", Uploads.NominationForm(Uploads.Nomination("de-nghi-bo-sung-01", "bcd-yen-the"))), HttpStatusCode.Conflict);
        Assert.Equal(["roundId"], refusedFields);
        Assert.Contains("chưa ấn định thời hạn", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Dating is validated like an extension, for all proposers, and never into the cycle's past.
        await AdvanceAsync(ApiHost.Vn(3, 15, 9));
        var (_, withUnits) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/extensions", Dating("2024-06-01", units: ["bcd-yen-the"])), HttpStatusCode.BadRequest);
        Assert.Equal(["units"], withUnits);
        var (past, pastFields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/extensions", Dating("2024-03-14")), HttpStatusCode.BadRequest);
        Assert.Equal(["newDeadline"], pastFields);
        Assert.Contains("đã qua", past.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var (_, outOfPlan) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/extensions", Dating("2024-09-01")), HttpStatusCode.BadRequest);
        Assert.Equal(["newDeadline"], outOfPlan);

        var dated = await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{Cycle}/extensions", Dating("2024-06-01")), HttpStatusCode.Accepted);
        Assert.True(dated.GetProperty("datesRound").GetBoolean());
        await ApiHost.Eventually(async () => Round(await host.GetJsonAsync(host.Operator, Cycle), Undated).GetProperty("state").GetString() == "open");
        Assert.Equal("trước ngày 01/06/2024", Round(await host.GetJsonAsync(host.Operator, Cycle), Undated).GetProperty("deadlineText").GetString());
        task = Task(await host.GetJsonAsync(unit, "/api/unit/tasks"), Undated);
        Assert.Equal(("pending", "31/05/2024 23:59"), (task.GetProperty("state").GetString(), task.GetProperty("lastAcceptedText").GetString()));
        await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/nominations/{Undated}", Uploads.NominationForm(Uploads.Nomination("de-nghi-bo-sung-01", "bcd-yen-the"))), HttpStatusCode.Created);
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, $"{Cycle}/timeline")).EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "round-dated"));

        // The quota's numbers: unknown ids, bad numbers, a rule that has its numbers, then once and only once.
        var quota = $"{Cycle}/rounds/{Uploads.Round}/quotas/chi-tieu-bo";
        await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync($"{Cycle}/rounds/khong-co/quotas/chi-tieu-bo", Numbers(max: 1)), HttpStatusCode.NotFound);
        await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync($"{Cycle}/rounds/{Uploads.Round}/quotas/khong-co", Numbers(max: 1)), HttpStatusCode.NotFound);
        var (_, badFields) = await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync(quota, new { maxIndividual = -1, minPolice = 2, maxPolice = 1, requestedBy = " ", reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(["maxIndividual", "minPolice", "requestedBy", "reason"], badFields);
        var (_, none) = await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync(quota, new { requestedBy = "Phòng PV01", reason = "x" }), HttpStatusCode.BadRequest);
        Assert.Equal(["max"], none);
        await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync($"{Cycle}/rounds/bang-khen-chu-tich-tinh/quotas/ct-tong-10", Numbers(max: 1)), HttpStatusCode.Conflict);

        var set = await ApiHost.ReadAsync(await host.Operator.PutAsJsonAsync(quota, Numbers(max: 2)), HttpStatusCode.Accepted);
        Assert.Equal(("tổng số tối đa 2", 0), (set.GetProperty("numbersText").GetString(), set.GetProperty("stillPending").GetArrayLength()));
        var (again, againFields) = await ApiHost.ProblemAsync(await host.Operator.PutAsJsonAsync(quota, Numbers(max: 3)), HttpStatusCode.Conflict);
        Assert.Equal(["quotaId"], againFields);
        Assert.Contains("tổng số tối đa 2", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Round(await host.GetJsonAsync(host.Operator, Cycle), Uploads.Round).GetProperty("pendingQuotas").GetArrayLength());
        var recorded = (await host.GetJsonAsync(host.Operator, $"{Cycle}/timeline")).EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "quota-set");
        Assert.Contains("Phòng PV01", recorded.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Văn bản số 12/BCA-X03", recorded.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await host.Operator.PostAsJsonAsync($"{Cycle}/terminate", new { reason = "kiểm thử xong" });
    }

    private async Task StartAsync()
    {
        var plan = host.Plan;
        var director = plan.NominationRounds.Single(r => r.Id == Uploads.Round);
        var variant = plan with
        {
            Deliverables = [.. plan.Deliverables.Select(d => d.Id == Optional ? d with { Optional = true } : d)],
            NominationRounds =
            [
                director with
                {
                    Optional = true,
                    Quotas = [new QuotaRule { Id = "chi-tieu-bo", Description = "Số lượng theo chỉ tiêu Bộ Công an giao", Pending = true }],
                },
                director with { Id = Undated, Title = "Giấy khen của Giám đốc Công an tỉnh (đợt bổ sung)", Deadline = null, Quotas = [] },
                .. plan.NominationRounds.Where(r => r.PickedFrom is not null),
            ],
        };
        using var content = new StringContent(PlanJson.Write(variant), System.Text.Encoding.UTF8, "application/json");
        var started = await host.Operator.PostAsync($"/api/cycles?id={CycleId}&rehearsal=step&from={Uri.EscapeDataString(ApiHost.Vn(3, 11, 9).ToString("O"))}", content);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
    }

    private async Task AdvanceAsync(DateTimeOffset to)
    {
        await ApiHost.ReadAsync(await host.Operator.PostAsync($"{Cycle}/rehearsal/advance", JsonContent.Create(new { to })), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, Cycle)).GetProperty("progress") is { ValueKind: JsonValueKind.Object } p
            && p.TryGetProperty("standsAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() == to, seconds: 60);
    }

    private static object Dating(string before, string[]? units = null) => new
    {
        subject = Undated,
        newDeadline = new { semantics = "before", date = before },
        units,
        requestedBy = "Phòng PV01",
        reason = "Công văn về đợt khen thưởng bổ sung",
    };

    private static object Numbers(int max) => new { max, requestedBy = "Phòng PV01", reason = "Văn bản số 12/BCA-X03" };

    private static JsonElement Round(JsonElement cycle, string id) =>
        cycle.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    private static JsonElement Task(JsonElement tasks, string subject) =>
        tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("subject").GetString() == subject);
}
