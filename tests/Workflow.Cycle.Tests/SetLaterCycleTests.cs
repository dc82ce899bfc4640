using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Workflow.Application;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Email;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// What a plan leaves for later, end to end on the engine in a host process, driven through the host's API as an
/// operator would: an optional deliverable (reminded, never chased, never missing), an optional round whose quota is
/// set mid-cycle after the round has closed and waited for it, and a round the plan names without a deadline, dated
/// mid-cycle (its proposers' rows, reminders and close follow), whose own quota never comes, so the cycle closes with
/// it recorded as not judged, and completes.
/// </summary>
public sealed class SetLaterCycleTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-de-sau";
    private const string Optional = "tong-ket-cap-huyen";
    private const string Round = "giay-khen-giam-doc";
    private const string Undated = "giay-khen-bo-sung";
    private const string Picked = "bang-khen-chu-tich-tinh";

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task PendingQuotaSetMidCycle_UndatedRoundDatedMidCycle_OptionalSubjectsNeverMissing()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var districts = sample.Units.Where(u => u.Id is "bcd-yen-the" or "bcd-tan-yen" or "bcd-luc-nam").ToList();
        var round = sample.NominationRounds.Single(r => r.Id == Round);
        var plan = sample with
        {
            Units = districts,
            Deliverables = [sample.Deliverables.Single(d => d.Id == Optional) with { Optional = true }],
            NominationRounds =
            [
                // A plain total places nobody in a structure: the sample's exhaustive structure is not this round's.
                round with
                {
                    Optional = true,
                    QuotasAreExhaustive = false,
                    Quotas = [new QuotaRule { Id = "chi-tieu-bo", Description = "Số lượng theo chỉ tiêu Bộ Công an giao", Pending = true }],
                },
                round with
                {
                    Id = Undated,
                    Title = "Giấy khen của Giám đốc Công an tỉnh (đợt bổ sung)",
                    Deadline = null,
                    QuotasAreExhaustive = false,
                    Quotas = [new QuotaRule { Id = "chi-tieu-bo-sung", Description = "Số lượng theo chỉ tiêu bổ sung", Pending = true }],
                },
                sample.NominationRounds.Single(r => r.Id == Picked) with
                {
                    QuotasAreExhaustive = false,
                    Quotas = [new QuotaRule { Id = "chi-tieu-tinh", Description = "Số lượng theo chỉ tiêu tỉnh giao", Pending = true }],
                },
            ],
            Targets = [],
        };
        var start = Vn(3, 11, 9);
        await using var host = await HostProcess.StartAsync(fixture);
        using var api = new HttpClient { BaseAddress = host.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", CycleFixture.OperatorKey);
        var client = fixture.Client;
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(CycleId));
        await CycleDriver.StandsAtAsync(client, CycleId, start);

        // The undated round: shown as such, no rows, and a dossier is refused plainly.
        Assert.Equal(("undated", "Chưa ấn định thời hạn"), RoundState(await CycleAsync(api), Undated));
        Assert.Empty(await fixture.Status.ListAsync(CycleId, Undated));
        var early = await fixture.Submissions.SubmitNominationAsync(CycleId, "bcd-yen-the", Undated, Nominee("de-nghi-bo-sung-01", "bcd-yen-the"), Scenario.Dossier(Nominee("de-nghi-bo-sung-01", "bcd-yen-the")));
        Assert.False(early.Accepted);
        Assert.Contains(early.Problems, p => p.Field == "round" && p.Message.Contains("chưa ấn định thời hạn", StringComparison.Ordinal));

        // Nominations are taken as usual while a quota is pending.
        await CycleDriver.AdvanceAsync(client, CycleId, Vn(3, 20, 10));
        await Propose(Round, Scenario.PoliceCollective());
        await CycleDriver.AdvanceAsync(client, CycleId, Vn(3, 21, 10));
        await Propose(Round, Nominee("de-nghi-tan-yen-01", "bcd-tan-yen"));

        // The operator dates the round through the extension route; its proposers' rows appear with the deadline.
        var dated = await api.PostAsJsonAsync($"/api/cycles/{CycleId}/extensions", new
        {
            subject = Undated,
            newDeadline = new { semantics = "before", date = "2024-06-01" },
            requestedBy = "Phòng PV01",
            reason = "Công văn của Bộ Công an về đợt khen thưởng bổ sung",
        });
        Assert.True(dated.StatusCode == HttpStatusCode.Accepted, await dated.Content.ReadAsStringAsync());
        Assert.True((await dated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datesRound").GetBoolean());
        await CycleDriver.Eventually(async () => (await fixture.Status.ListAsync(CycleId, Undated)).Count == 3
            && (await fixture.Plans.GetAsync(CycleId))!.NominationRounds.Single(r => r.Id == Undated).Deadline == Deadline.Before(new DateOnly(2024, 6, 1)));
        Assert.All(await fixture.Status.ListAsync(CycleId, Undated), r => Assert.Equal((Deadline.Before(new DateOnly(2024, 6, 1)), LatePolicy.Reject), (r.Deadline, r.LatePolicy)));
        Assert.Equal("open", RoundState(await CycleAsync(api), Undated).State);
        await Propose(Undated, Nominee("de-nghi-bo-sung-01", "bcd-yen-the"));

        // The round closes and waits for its quota: recorded, and shown as "chờ chỉ tiêu".
        await CycleDriver.AdvanceAsync(client, CycleId, Vn(4, 1));
        await CycleDriver.Eventually(async () => RoundState(await CycleAsync(api), Round).State == "awaiting-quotas", async () => $"{await CycleDriver.Describe(client, InstanceIds.Round(CycleId, Round))}; {await CycleDriver.Describe(client, CycleId)}");
        Assert.Equal("Chờ chỉ tiêu", RoundState(await CycleAsync(api), Round).Text);
        Assert.Contains(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "round-awaiting-quotas" && e.Title.Contains(round.Title, StringComparison.Ordinal));
        var units = await GetAsync(api, $"/api/cycles/{CycleId}/units?subject={Round}");
        var lucNam = units.EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "bcd-luc-nam");
        Assert.Equal(("not-required", "Không đề nghị"), (lucNam.GetProperty("state").GetString(), lucNam.GetProperty("stateText").GetString()));

        // Bad numbers are refused naming the field; the right ones are judged with.
        var quota = $"/api/cycles/{CycleId}/rounds/{Round}/quotas/chi-tieu-bo";
        var bad = await api.PutAsJsonAsync(quota, new { max = 1, minPolice = 2, requestedBy = "Phòng PV01", reason = "Văn bản số 12/BCA" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"minPolice\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var set = await api.PutAsJsonAsync(quota, new { max = 1, requestedBy = "Phòng PV01", reason = "Văn bản số 12/BCA" });
        Assert.True(set.StatusCode == HttpStatusCode.Accepted, await set.Content.ReadAsStringAsync());
        var judged = await CycleDriver.WaitForCompletion(client, InstanceIds.Round(CycleId, Round), seconds: 60);
        var result = judged.ReadOutputAs<RoundResult>()!;
        Assert.Equal((2, 1, 1, false), (result.Received, result.Accepted, result.Refused, result.NotJudged));
        Assert.Equal([Scenario.PoliceCollective().Id], result.AcceptedNominations);
        var tanYen = Assert.Single(await fixture.Status.ListNomineesAsync(CycleId, Round), n => n.ProposedBy == "bcd-tan-yen");
        // Eligible with a complete dossier: only the quota set mid-cycle refused it.
        Assert.Equal((true, true), (tanYen.Eligible, tanYen.DossierComplete));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync(quota, new { max = 2, requestedBy = "Phòng PV01", reason = "Sửa số" })).StatusCode);
        var recorded = Assert.Single(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "quota-set" && e.Title.Contains(round.Title, StringComparison.Ordinal));
        Assert.Contains("tổng số tối đa 1", recorded.Detail, StringComparison.Ordinal);
        Assert.Contains("Văn bản số 12/BCA", recorded.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await fixture.Plans.GetAsync(CycleId))!.NominationRounds.Single(r => r.Id == Round).Quotas.Single().Max);

        // The level the province picks from it has a pending quota of its own: picks are taken, judgement waits for the numbers.
        await CycleDriver.Eventually(async () => RoundState(await CycleAsync(api), Picked).State == "awaiting-picks");
        var picks = await api.PostAsJsonAsync($"/api/cycles/{CycleId}/picks/{Picked}", new { nominations = result.AcceptedNominations, pickedBy = "Phòng PV01" });
        Assert.True(picks.StatusCode == HttpStatusCode.Accepted, await picks.Content.ReadAsStringAsync());
        await CycleDriver.Eventually(async () => RoundState(await CycleAsync(api), Picked).State == "awaiting-quotas");
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/cycles/{CycleId}/picks/{Picked}", new { nominations = result.AcceptedNominations, pickedBy = "Phòng PV01" })).StatusCode);
        var province = await api.PutAsJsonAsync($"/api/cycles/{CycleId}/rounds/{Picked}/quotas/chi-tieu-tinh", new { max = 1, requestedBy = "Phòng PV01", reason = "Quyết định của UBND tỉnh" });
        Assert.True(province.StatusCode == HttpStatusCode.Accepted, await province.Content.ReadAsStringAsync());
        var pickedResult = (await CycleDriver.WaitForCompletion(client, InstanceIds.Round(CycleId, Picked), seconds: 60)).ReadOutputAs<RoundResult>()!;
        Assert.Equal((1, false), (pickedResult.Received, pickedResult.NotJudged));
        Assert.Equal("judged", RoundState(await CycleAsync(api), Picked).State);

        // May's summary is optional: one district sends it, the others are reminded but never chased.
        await CycleDriver.AdvanceAsync(client, CycleId, Vn(5, 20, 10));
        var summary = await fixture.Submissions.SubmitReportAsync(CycleId, "bcd-tan-yen", Optional,
            new IncomingFile("tong-ket.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 tong ket"))), Scenario.Statistics(plan, Optional, 3));
        Assert.True(summary.Accepted, string.Join("; ", summary.Problems.Select(p => p.Message)));
        await CycleDriver.AdvanceAsync(client, CycleId, Vn(6, 10));
        var progress = (await CycleDriver.ProgressAsync(client, CycleId))!;
        Assert.Equal((3, 1, 0, 2), (progress.Expected, progress.OnTime, progress.Missing, progress.NotRequired));
        Assert.Equal("awaiting-quotas", RoundState(await CycleAsync(api), Undated).State);

        // The close: the round still waiting is recorded as not judged, and the cycle completes with nobody missing.
        await client.RaiseEventAsync(CycleId, ClockAdvance.EventName, new ClockAdvance(plan.ClosesAt().ToUniversalTime(), "kiem-thu"));
        var closed = await CycleDriver.WaitForCompletion(client, CycleId, seconds: 120);
        var cycle = closed.ReadOutputAs<CycleSummary>()!;
        Assert.Equal((1, 0, 0), (cycle.OnTime, cycle.Late, cycle.Missing));
        Assert.Empty(cycle.Failures ?? []);
        var unjudged = Assert.Single(cycle.Rounds, r => r.RoundId == Undated);
        Assert.Equal((true, 1, 0), (unjudged.NotJudged, unjudged.Received, unjudged.Accepted));
        Assert.Contains(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "round-not-judged");
        Assert.Contains(await fixture.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "round-dated" && e.Detail!.Contains("Phòng PV01", StringComparison.Ordinal));
        Assert.Equal(("not-judged", "Không xét do chưa có chỉ tiêu"), RoundState(await CycleAsync(api), Undated));

        var keys = fixture.Sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).Where(k => k.StartsWith(CycleId + ":", StringComparison.Ordinal)).ToList();
        // The dated round's reminders went to the two districts that had not proposed in it yet: 7, 3 and 1 days before.
        Assert.Equal(6, keys.Count(k => k.Contains($":{Undated}:{Undated}:reminder:", StringComparison.Ordinal)));
        Assert.DoesNotContain(keys, k => k.StartsWith($"{CycleId}:bcd-yen-the:{Undated}:", StringComparison.Ordinal));
        // The optional summary: reminded before the end of May, never chased or escalated.
        Assert.Equal(6, keys.Count(k => k.Contains($":{Optional}:{Optional}:reminder:", StringComparison.Ordinal)));
        Assert.DoesNotContain(keys, k => k.Contains(":chase:", StringComparison.Ordinal) || k.EndsWith(":escalation", StringComparison.Ordinal));

        async Task Propose(string roundId, Nomination nomination)
        {
            var proposed = await fixture.Submissions.SubmitNominationAsync(CycleId, nomination.ProposedBy, roundId, nomination, Scenario.Dossier(nomination));
            Assert.True(proposed.Accepted, string.Join("; ", proposed.Problems.Select(p => $"{p.Field}: {p.Message}")));
        }
    }

    private static Nomination Nominee(string id, string unit) => Scenario.PoliceCollective() with { Id = id, ProposedBy = unit, NomineeUnit = unit };

    private static (string? State, string? Text) RoundState(JsonElement cycle, string roundId)
    {
        var round = cycle.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("id").GetString() == roundId);
        return (round.GetProperty("state").GetString(), round.GetProperty("stateText").GetString());
    }

    private static Task<JsonElement> CycleAsync(HttpClient api) => GetAsync(api, $"/api/cycles/{CycleId}");

    private static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
