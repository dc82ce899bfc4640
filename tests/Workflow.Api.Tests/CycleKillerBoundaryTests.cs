using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>
/// The three inputs that once were answered 201/202 and then failed the whole cycle at its close (issue 10) are now
/// refused at the boundary with a problem naming the field, and nothing is written.
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
}
