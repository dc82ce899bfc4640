using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests;

/// <summary>
/// The plan editor's backend on the real host over Azurite: the live check of a draft (errors, units, deadlines,
/// schedule; a draft with errors is a 200).
/// </summary>
public sealed class PlanEditorApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    /// <summary>The sample plan with <paramref name="change"/> applied to its JSON.</summary>
    private string Sample(Action<JsonObject> change)
    {
        var plan = JsonNode.Parse(host.PlanText)!.AsObject();
        change(plan);
        return plan.ToJsonString();
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task Check_of_the_sample_answers_no_errors_its_units_deadlines_and_schedule()
    {
        using var response = await host.Operator.PostAsync("/api/plans/check", Json(host.PlanText));

        var check = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(["errors", "unitCount", "deadlines", "schedule", "scheduleNote"], Names(check));
        Assert.Equal(0, check.GetProperty("errors").GetArrayLength());
        Assert.Equal(host.Plan.AllUnits().Count(), check.GetProperty("unitCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("scheduleNote").ValueKind);

        var deadlines = check.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Equal(["$.deliverables[0].deadline", "$.deliverables[1].deadline", "$.nominationRounds[0].deadline", "$.milestones[0].deadline"],
            deadlines.Select(d => d.GetProperty("field").GetString()));
        var report = deadlines[0];
        Assert.Equal(["field", "subject", "title", "lastAccepted", "text"], Names(report));
        Assert.Equal("bao-cao-tong-ket", report.GetProperty("subject").GetString());
        Assert.Equal(host.Plan.Deliverables[0].Title, report.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2024, 4, 30, 16, 59, 59, TimeSpan.Zero), report.GetProperty("lastAccepted").GetDateTimeOffset());
        Assert.Equal("nhận đến 23:59:59 30/04/2024", report.GetProperty("text").GetString());
        Assert.StartsWith("đến hết ", deadlines[3].GetProperty("text").GetString(), StringComparison.Ordinal);

        var schedule = check.GetProperty("schedule").EnumerateArray().ToList();
        Assert.NotEmpty(schedule);
        Assert.Equal(["instant", "day", "date", "time", "kind", "subject", "title", "text", "units"], Names(schedule[0]));
        Assert.Equal(schedule.Select(p => p.GetProperty("instant").GetDateTimeOffset()).Order(), schedule.Select(p => p.GetProperty("instant").GetDateTimeOffset()));
        var reminder = schedule.First(p => p.GetProperty("subject").GetString() == "bao-cao-tong-ket" && p.GetProperty("kind").GetString() == "reminder");
        Assert.Equal(("2024-04-24", "24/04/2024", "08:00", "Nhắc trước hạn 7 ngày"),
            (reminder.GetProperty("day").GetString(), reminder.GetProperty("date").GetString(), reminder.GetProperty("time").GetString(), reminder.GetProperty("text").GetString()));
        Assert.Equal(new DateTimeOffset(2024, 4, 24, 1, 0, 0, TimeSpan.Zero), reminder.GetProperty("instant").GetDateTimeOffset());
        Assert.True(reminder.GetProperty("units").GetInt32() > 0);
        var kinds = schedule.Select(p => p.GetProperty("kind").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "reminder", "deadline", "chase", "escalation", "milestone-reminder", "milestone" }, kinds);
        Assert.Contains("milestone-reminder", kinds);
        Assert.All(schedule.Where(p => p.GetProperty("kind").GetString()!.StartsWith("milestone", StringComparison.Ordinal)), p => Assert.Equal(0, p.GetProperty("units").GetInt32()));
    }

    [Fact]
    public async Task Check_of_a_draft_with_errors_is_a_200_naming_each_field_and_still_shows_what_it_can()
    {
        var draft = Sample(p => p["title"] = "");
        using (var response = await host.Operator.PostAsync("/api/plans/check", Json(draft)))
        {
            var check = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
            var error = Assert.Single(check.GetProperty("errors").EnumerateArray());
            Assert.Equal("$.title", error.GetProperty("field").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            Assert.NotEqual(0, check.GetProperty("schedule").GetArrayLength());
        }

        // A deadline naming no day: the other deadlines still show, the schedule waits for the fix.
        var malformed = Sample(p => p["deliverables"]![1]!["deadline"] = new JsonObject { ["semantics"] = "within-month", ["month"] = "2024-5" });
        using (var response = await host.Operator.PostAsync("/api/plans/check", Json(malformed)))
        {
            var check = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
            Assert.Contains("$.deliverables[1].deadline.month", check.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
            Assert.DoesNotContain("$.deliverables[1].deadline", check.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
            Assert.Equal(3, check.GetProperty("deadlines").GetArrayLength());
            Assert.Equal(0, check.GetProperty("schedule").GetArrayLength());
            Assert.Equal("Sửa các lỗi về thời hạn để xem lịch.", check.GetProperty("scheduleNote").GetString());
        }

        // A time zone naming a tzdata folder: an error of its own, not a 500.
        using (var response = await host.Operator.PostAsync("/api/plans/check", Json(Sample(p => p["timeZone"] = "America"))))
        {
            var check = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
            Assert.Equal(["$.timeZone"], check.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
            Assert.Equal(0, check.GetProperty("schedule").GetArrayLength());
        }

        // An object that does not read as a plan: why, and nothing else.
        using (var response = await host.Operator.PostAsync("/api/plans/check", Json("{\"id\": 5}")))
        {
            var check = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
            Assert.NotEqual(0, check.GetProperty("errors").GetArrayLength());
            Assert.Equal((0, 0, 0), (check.GetProperty("unitCount").GetInt32(), check.GetProperty("deadlines").GetArrayLength(), check.GetProperty("schedule").GetArrayLength()));
            Assert.False(string.IsNullOrEmpty(check.GetProperty("scheduleNote").GetString()));
        }
    }

    [Theory]
    [InlineData("không phải JSON")]
    [InlineData("[1, 2]")]
    [InlineData("\"kế hoạch\"")]
    [InlineData("")]
    [InlineData("{\"title\": \"\\ud800\"}")]
    public async Task Check_of_a_body_that_is_not_a_json_object_is_a_400_naming_the_body(string body)
    {
        using var response = await host.Operator.PostAsync("/api/plans/check", Json(body));

        var (_, fields) = await ApiHost.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["body"], fields);
    }

    [Fact]
    public async Task Check_refuses_bytes_that_are_not_utf8_and_other_content_types()
    {
        using var latin = new ByteArrayContent([(byte)'{', (byte)'"', 0xE1, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        latin.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsync("/api/plans/check", latin), HttpStatusCode.BadRequest);
        Assert.Equal(["body"], fields);

        (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsync("/api/plans/check", Json(host.PlanText, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["body"], fields);
        using var anonymous = await host.Anonymous.PostAsync("/api/plans/check", Json(host.PlanText));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
