using System.Net;
using System.Text;
using Workflow.Domain.Access;

namespace Workflow.Api.Tests;

/// <summary>Who may call what: operators by key, units by their own link token, and never across units or cycles.</summary>
public sealed class ApiSecurityTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] OperatorGets =
    [
        "/api/cycles", $"/api/cycles/{ApiHost.CycleId}", $"/api/cycles/{ApiHost.CycleId}/units", $"/api/cycles/{ApiHost.CycleId}/timeline",
        $"/api/cycles/{ApiHost.CycleId}/nominations/{Uploads.Round}", $"/api/cycles/{ApiHost.CycleId}/exports", $"/api/cycles/{ApiHost.CycleId}/exports/x.csv",
        $"/api/cycles/{ApiHost.CycleId}/dossiers/bcd-yen-the/{Uploads.Report}/1", $"/api/cycles/{ApiHost.CycleId}/mails",
        $"/api/cycles/{ApiHost.CycleId}/templates", $"/api/cycles/{ApiHost.CycleId}/templates/bieu-mau-3.xlsx",
    ];

    private static readonly string[] OperatorPosts =
    [
        "/api/cycles", $"/api/cycles/{ApiHost.CycleId}/extensions", $"/api/cycles/{ApiHost.CycleId}/picks/bang-khen-chu-tich-tinh",
        $"/api/cycles/{ApiHost.CycleId}/suspend", $"/api/cycles/{ApiHost.CycleId}/resume", $"/api/cycles/{ApiHost.CycleId}/terminate",
        $"/api/cycles/{ApiHost.CycleId}/mails/{ApiHost.CycleId}:receipt:BG-000001/resend",
    ];

    private static readonly string[] UnitGets = ["/api/unit/tasks", "/api/unit/receipts"];

    [Fact]
    public async Task Health_IsAnonymous()
    {
        var health = await host.GetJsonAsync(host.Anonymous, "/api/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.All(new[] { "storage", "engine", "mail" }, c => Assert.Equal("up", health.GetProperty(c).GetProperty("state").GetString()));
        var (problem, _) = await ApiHost.ProblemAsync(await host.Operator.GetAsync("/api/khong-co"), HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OperatorRoutes_WithoutKeyOrWithWrongKey_Are401_AndWithAUnitToken_Are403()
    {
        var token = await host.TokenAsync("bcd-yen-the");
        using var wrongKey = new HttpClient { BaseAddress = host.Anonymous.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "khoa-sai-khong-dung-0000000000");
        using var unit = host.Unit(token);
        foreach (var (client, expected) in new[] { (host.Anonymous, HttpStatusCode.Unauthorized), (wrongKey, HttpStatusCode.Unauthorized), (unit, HttpStatusCode.Forbidden) })
        {
            foreach (var path in OperatorGets)
            {
                await ApiHost.ProblemAsync(await client.GetAsync(path), expected);
            }

            foreach (var path in OperatorPosts)
            {
                await ApiHost.ProblemAsync(await client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json")), expected);
            }
        }
    }

    [Fact]
    public async Task UnitRoutes_RefuseMissingForgedExpiredTokens_AndTheOperatorKey()
    {
        var token = await host.TokenAsync("bcd-yen-the");
        var key = Encoding.UTF8.GetBytes(ApiHost.LinkKey);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var otherKey = UnitLinkToken.Create(Encoding.UTF8.GetBytes("mot-khoa-khac-khong-phai-cua-may-chu-0123456789"), ApiHost.CycleId, "bcd-yen-the", ApiHost.Vn(8, 1));
        var expired = UnitLinkToken.Create(key, ApiHost.CycleId, "bcd-yen-the", host.Time.GetUtcNow().AddSeconds(-1));
        foreach (var path in UnitGets)
        {
            await ApiHost.ProblemAsync(await host.Anonymous.GetAsync(path), HttpStatusCode.Unauthorized);
            foreach (var bad in new[] { forged, otherKey, expired, "v1.khong.hop.le" })
            {
                using var client = host.Unit(bad);
                await ApiHost.ProblemAsync(await client.GetAsync(path), HttpStatusCode.Unauthorized);
                await ApiHost.ProblemAsync(await host.Anonymous.GetAsync($"{path}?token={Uri.EscapeDataString(bad)}"), HttpStatusCode.Unauthorized);
            }

            await ApiHost.ProblemAsync(await host.Operator.GetAsync(path), HttpStatusCode.Forbidden);
        }

        using var form = Uploads.ReportForm(host.Plan, Uploads.Pdf("x"));
        await ApiHost.ProblemAsync(await host.Operator.PostAsync($"/api/unit/reports/{Uploads.Report}", form), HttpStatusCode.Forbidden);

        // Opened from the e-mail: the token in the query string works like the header.
        var tasks = await host.GetJsonAsync(host.Anonymous, $"/api/unit/tasks?token={Uri.EscapeDataString(token)}");
        Assert.Equal("bcd-yen-the", tasks.GetProperty("unitId").GetString());
    }

    [Fact]
    public async Task UnitToken_CannotReachAnotherUnitOrAnotherCycle()
    {
        var token = await host.TokenAsync("bcd-tp-bac-giang");
        using var unit = host.Unit(token);

        // Another unit's dossier is an operator route.
        await ApiHost.ProblemAsync(await unit.GetAsync($"/api/cycles/{ApiHost.CycleId}/dossiers/bcd-yen-the/{Uploads.Report}/1"), HttpStatusCode.Forbidden);

        // A token of another cycle (signed with the real key) sees nothing of this one and cannot upload into it.
        var otherCycle = UnitLinkToken.Create(Encoding.UTF8.GetBytes(ApiHost.LinkKey), "chu-ky-khac", "bcd-tp-bac-giang", ApiHost.Vn(8, 1));
        using var other = host.Unit(otherCycle);
        await ApiHost.ProblemAsync(await other.GetAsync("/api/unit/tasks"), HttpStatusCode.NotFound);
        using (var form = Uploads.ReportForm(host.Plan, Uploads.Pdf("chu ky khac")))
        {
            await ApiHost.ProblemAsync(await other.PostAsync($"/api/unit/reports/{Uploads.Report}", form), HttpStatusCode.NotFound);
        }

        // The proposer comes from the token: a nomination naming another proposer is refused as a whole.
        var body = System.Text.Json.JsonSerializer.Serialize(Uploads.Nomination("de-nghi-gia-mao", "bcd-tp-bac-giang")).TrimEnd('}') + ",\"proposedBy\":\"bcd-yen-the\"}";
        using (var form = Uploads.NominationForm(body))
        {
            var (_, fields) = await ApiHost.ProblemAsync(await unit.PostAsync($"/api/unit/nominations/{Uploads.Round}", form), HttpStatusCode.BadRequest);
            Assert.Contains("nomination.proposedBy", fields);
        }

        // A unit's tasks and receipts are its own only.
        var tasks = await host.GetJsonAsync(unit, "/api/unit/tasks");
        Assert.Equal(("bg-api", "bcd-tp-bac-giang"), (tasks.GetProperty("cycleId").GetString(), tasks.GetProperty("unitId").GetString()));
        Assert.All((await host.GetJsonAsync(unit, "/api/unit/receipts")).EnumerateArray(), r => Assert.DoesNotContain("yen-the", r.GetProperty("fileName").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryRoute_WithBothSchemes()
    {
        var document = await host.GetJsonAsync(host.Anonymous, "/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/health", "/api/cycles", "/api/cycles/{id}", "/api/cycles/{id}/units", "/api/cycles/{id}/timeline", "/api/cycles/{id}/nominations/{roundId}",
            "/api/cycles/{id}/extensions", "/api/cycles/{id}/picks/{roundId}", "/api/cycles/{id}/suspend", "/api/cycles/{id}/resume", "/api/cycles/{id}/terminate",
            "/api/cycles/{id}/exports", "/api/cycles/{id}/exports/{name}", "/api/cycles/{id}/dossiers/{unitId}/{subject}/{version}",
            "/api/cycles/{id}/mails", "/api/cycles/{id}/mails/{key}/resend",
            "/api/unit/tasks", "/api/unit/reports/{deliverableId}", "/api/unit/nominations/{roundId}", "/api/unit/receipts",
            "/api/unit/tables/{deliverableId}/{formId}/{fieldId}/template", "/api/unit/tables/{deliverableId}/{formId}/{fieldId}/rows",
            "/api/me", "/api/operators", "/api/operators/{operatorId}/revoke", "/api/operators/{operatorId}/rotate", "/api/operators/denials",
        ];
        Assert.Empty(expected.Except(paths));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("OperatorKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("UnitLink").GetProperty("scheme").GetString());
        var upload = document.GetProperty("paths").GetProperty("/api/unit/reports/{deliverableId}").GetProperty("post");
        Assert.True(upload.GetProperty("security")[0].TryGetProperty("UnitLink", out _));
        // Every operator route, whichever operator policy, names the operator key; no Entra scheme unless configured.
        foreach (var (path, method) in new[] { ("/api/cycles", "get"), ("/api/cycles", "post"), ("/api/me", "get"), ("/api/operators", "post"), ("/api/cycles/{id}", "get") })
        {
            Assert.True(document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("security")[0].TryGetProperty("OperatorKey", out _), $"{method} {path}");
        }

        Assert.False(schemes.TryGetProperty("Entra", out _));
    }
}
