using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Handlers;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>
/// The inputs that once were answered 201/202 (or 500) and then failed or stalled the whole cycle (issue 10, and the
/// soak's hostile corpus) are now refused at the boundary with a problem naming the field, and nothing is written.
/// </summary>
public sealed class CycleKillerBoundaryTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("before", "0001-01-01")]
    [InlineData("by", "9999-12-31")]
    [InlineData("before", "2024-03-01")]
    [InlineData("by", "2030-01-01")]
    public async Task ExtensionOutsideThePlansSpan_IsRefused_NamingNewDeadline(string semantics, string date)
    {
        var response = await host.Operator.PostAsJsonAsync($"/api/cycles/{ApiHost.CycleId}/extensions", new
        {
            subject = Uploads.Report,
            newDeadline = new { semantics, date },
            requestedBy = "Phòng PV01",
            reason = "kiểm thử",
        });

        var (problem, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["newDeadline"], fields);
        Assert.Contains("thời gian của kế hoạch", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yearly", "nomination.record.yearly")]
    [InlineData("flags", "nomination.record.flags")]
    [InlineData("numbers", "nomination.record.numbers")]
    public async Task NominationWithANullPartOfItsRecord_IsRefused_NamingIt_AndNothingIsStored(string part, string field)
    {
        const string Id = "de-nghi-hiep-hoa-null";
        var nomination = JsonSerializer.SerializeToNode(Uploads.Nomination(Id, "bcd-hiep-hoa"))!;
        nomination["record"]![part] = null;
        using var unit = host.Unit(await host.TokenAsync("bcd-hiep-hoa"));

        var response = await unit.PostAsync($"/api/unit/nominations/{Uploads.Round}", Uploads.NominationForm(nomination.ToJsonString()));

        var (_, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], fields);
        var status = host.Services.GetRequiredService<IStatusStore>();
        Assert.DoesNotContain(await status.ListNomineesAsync(ApiHost.CycleId, Uploads.Round), n => n.NominationId == Id);
    }

    [Fact]
    public async Task NominationWithANullYearOfALevel_IsRefused_NamingTheYear()
    {
        var nomination = JsonSerializer.SerializeToNode(Uploads.Nomination("de-nghi-hiep-hoa-nam", "bcd-hiep-hoa"))!;
        nomination["record"]!["yearly"]!["danh-hieu-tap-the"]!["2021"] = null;
        using var unit = host.Unit(await host.TokenAsync("bcd-hiep-hoa"));

        var response = await unit.PostAsync($"/api/unit/nominations/{Uploads.Round}", Uploads.NominationForm(nomination.ToJsonString()));

        Assert.Equal(["nomination.record.yearly.danh-hieu-tap-the.2021"], (await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest)).Fields);
    }

    [Theory]
    [InlineData("50000000000000000000000000000")]
    [InlineData("1000000000001")]
    [InlineData("-1")]
    public async Task ReportWithANumberOutsideTheFieldsRange_IsRefused_NamingTheField_AndNotCounted(string number)
    {
        var form = host.Plan.Deliverables.Single(d => d.Id == Uploads.Report).Forms[0];
        var statistics = JsonNode.Parse(Uploads.Statistics(host.Plan, 3))!;
        statistics["forms"]![form.Id]![form.Fields[0].Id] = JsonNode.Parse($$"""{"number": {{number}}}""");
        using var unit = host.Unit(await host.TokenAsync("bcd-viet-yen"));

        var response = await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Việt Yên"), statistics: statistics.ToJsonString()));

        var (_, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([$"statistics.forms.{form.Id}.{form.Fields[0].Id}"], fields);
        var status = host.Services.GetRequiredService<IStatusStore>();
        Assert.NotEqual(SubmissionState.Submitted, (await status.GetAsync(new SubmissionKey(ApiHost.CycleId, "bcd-viet-yen", Uploads.Report)))?.State);
    }

    [Theory]
    [InlineData("many", "units")]
    [InlineData("unknown", "units[1]")]
    [InlineData("repeated", "units[1]")]
    [InlineData("requester", "requestedBy")]
    [InlineData("reason", "reason")]
    public async Task ExtensionWithOversizeTextOrUnitsOutsideThePlan_IsRefused_NamingTheField(string hostile, string field)
    {
        const string Unit = "bcd-viet-yen";
        string[] units = hostile switch
        {
            "many" => [.. Enumerable.Repeat(Unit, 10_000)],
            "unknown" => [Unit, "khong-co-don-vi"],
            "repeated" => [Unit, Unit],
            _ => [Unit],
        };

        var response = await host.Operator.PostAsJsonAsync($"/api/cycles/{ApiHost.CycleId}/extensions", new
        {
            subject = Uploads.Report,
            newDeadline = new { semantics = "before", date = "2024-07-20" },
            units,
            requestedBy = hostile == "requester" ? new string('n', CycleCommandHandlers.MaxRequesterLength + 1) : "Phòng PV01",
            reason = hostile == "reason" ? new string('r', CycleCommandHandlers.MaxReasonLength + 1) : "kiểm thử",
        });

        Assert.Equal([field], (await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest)).Fields);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "step")]
    [InlineData("9999-12-31T23:59:59Z", "step")]
    [InlineData("9999-12-31T00:00:00Z", "10000000")]
    public async Task RehearsalFromOutsideThePlansRange_IsRefused_NamingFrom_AndNoCycleStarts(string from, string rehearsal)
    {
        const string Id = "dien-tap-ngoai-ke-hoach";
        using var content = new StringContent(host.PlanText, System.Text.Encoding.UTF8, "application/json");

        var response = await host.Operator.PostAsync($"/api/cycles?id={Id}&rehearsal={rehearsal}&from={Uri.EscapeDataString(from)}", content);

        Assert.Equal(["from"], (await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Operator.GetAsync($"/api/cycles/{Id}")).StatusCode);
    }

    [Fact]
    public async Task PlanWithANullDeliverable_IsRefused_NamingItsPath_AndNoCycleStarts()
    {
        const string Id = "ke-hoach-co-null";
        var plan = JsonNode.Parse(host.PlanText)!;
        var deliverables = plan["deliverables"]!.AsArray();
        deliverables.Add(null);
        using var content = new StringContent(plan.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

        var response = await host.Operator.PostAsync($"/api/cycles?id={Id}&rehearsal=step", content);

        Assert.Equal([$"$.deliverables[{deliverables.Count - 1}]"], (await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Operator.GetAsync($"/api/cycles/{Id}")).StatusCode);
    }

    [Fact]
    public async Task ReportWithAValueOfSeveralKinds_IsRefused_NamingTheField_AndNotCounted()
    {
        var form = host.Plan.Deliverables.Single(d => d.Id == Uploads.Report).Forms[0];
        var statistics = JsonNode.Parse(Uploads.Statistics(host.Plan, 3))!;
        statistics["forms"]![form.Id]![form.Fields[0].Id] = JsonNode.Parse("""{"number": 1, "flag": true, "text": "x"}""");
        using var unit = host.Unit(await host.TokenAsync("bcd-viet-yen"));

        var response = await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Việt Yên"), statistics: statistics.ToJsonString()));

        Assert.Equal([$"statistics.forms.{form.Id}.{form.Fields[0].Id}"], (await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest)).Fields);
        var status = host.Services.GetRequiredService<IStatusStore>();
        Assert.NotEqual(SubmissionState.Submitted, (await status.GetAsync(new SubmissionKey(ApiHost.CycleId, "bcd-viet-yen", Uploads.Report)))?.State);
    }
}
