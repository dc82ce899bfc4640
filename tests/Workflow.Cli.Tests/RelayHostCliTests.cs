using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Workflow.Cli.Tests;

/// <summary>
/// The relay verbs end to end against the real host: a province plan with two districts of three communes each, one
/// district's plan issued with the CLI, a commune reporting through the unit API, and the district's roll-up shown
/// and sent with one corrected figure.
/// </summary>
public sealed class RelayHostCliTests(RelayHost host) : IClassFixture<RelayHost>
{
    private const string Province = "cay-cli";
    private const string Relay = "huyen-an-son";
    private const string Sub = Province + "." + Relay;

    [Fact]
    public async Task RelayPlan_Relays_RollUp_FromIssueToTheProvincesReceipt()
    {
        var plan = Path.Combine(AppContext.BaseDirectory, "plans", "cay-hai-huyen.plan.json");
        var (code, output, error) = await host.CliAsync("start", plan, "--id", Province, "--rehearsal", "step", "--from", "11/03/2024 09:00");
        Assert.True(code == 0, error);
        Assert.Contains($"✓ Đã bắt đầu chu kỳ {Province}", output, StringComparison.Ordinal);
        await RelayHost.Eventually(async () => (await host.GetJsonAsync($"/api/cycles/{Province}")).GetProperty("runtimeStatus").GetString() == "running", 60);

        // A deadline not before the district's own to the province (before 01/05/2024) is refused, naming the field.
        (code, _, error) = await host.CliAsync("relay-plan", Province, "huyen-dong-ha", "--deadline", "bao-cao=2024-05-10");
        Assert.Equal(1, code);
        Assert.Contains("(HTTP 400)", error, StringComparison.Ordinal);
        Assert.Contains("  - $.deadlines.bao-cao: ", error, StringComparison.Ordinal);

        (code, output, error) = await host.CliAsync("relay-plan", Province, Relay, "--deadline", "bao-cao=2024-04-25", "--number", "12/KH-BCĐ");
        Assert.True(code == 0, error);
        Assert.Contains($"(chu kỳ cấp trên {Province}): kỳ báo cáo {Sub}.", output, StringComparison.Ordinal);
        Assert.Contains("  3 đơn vị trực thuộc nhận kế hoạch.", output, StringComparison.Ordinal);
        Assert.Contains("    Báo cáo tổng kết: trước ngày 25/04/2024 (nhận đến 24/04/2024 23:59)", output, StringComparison.Ordinal);

        // Issued once: again is a conflict.
        (code, _, error) = await host.CliAsync("relay-plan", Province, Relay, "--deadline", "bao-cao=2024-04-25");
        Assert.Equal(1, code);
        Assert.Contains("(HTTP 409)", error, StringComparison.Ordinal);

        (code, output, error) = await host.CliAsync("relays", Province);
        Assert.True(code == 0, error);
        var lines = output.Split('\n');
        Assert.Contains(Sub, lines.Single(l => l.StartsWith("BCĐ huyện An Sơn", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("chưa ban hành", lines.Single(l => l.StartsWith("BCĐ huyện Đông Hà", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("2 đơn vị trung gian, 1 đã ban hành kế hoạch cấp mình.", output, StringComparison.Ordinal);

        // A commune reports to its district through the unit API, with the token from the sub-cycle's plan notice.
        using (var unit = host.Unit(await host.TokenAsync(Sub, "xa-an-lac")))
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.7\nBáo cáo xã An Lạc\n%%EOF"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "bao-cao-an-lac.pdf");
            form.Add(new StringContent("""{"forms":{"bieu-01":{"so-vu":{"number":5},"so-thon":{"number":2}}}}""", Encoding.UTF8), "statistics");
            var answer = await unit.PostAsync("/api/unit/reports/bao-cao", form);
            Assert.True(answer.StatusCode == HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        }

        var draft = await host.GetJsonAsync($"/api/cycles/{Sub}/rollups/bao-cao");
        Assert.Equal(1, draft.GetProperty("base").GetProperty("onTime").GetInt32());
        var baseText = draft.GetProperty("baseText").GetString()!;
        Assert.Contains("1/", baseText, StringComparison.Ordinal);

        (code, output, error) = await host.CliAsync("rollup", Sub, "bao-cao");
        Assert.True(code == 0, error);
        Assert.Contains($"Đơn vị cơ sở: {baseText} — ", output, StringComparison.Ordinal);
        Assert.Matches(@"  bieu-01\.so-vu\s+Số vụ việc về ANTT: 5\n", output);
        Assert.Matches(@"  bieu-01\.so-thon\s+Số thôn đạt “An toàn về ANTT”: 2\n", output);

        var narrative = Path.Combine(Path.GetTempPath(), $"bao-cao-an-son-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(narrative, "%PDF-1.7\nBáo cáo tổng kết huyện An Sơn\n%%EOF");
        try
        {
            // A changed figure needs its reason: the CLI says so before sending anything.
            (code, _, error) = await host.CliAsync("rollup", Sub, "bao-cao", "--file", narrative, "--set", "bieu-01.so-vu=7");
            Assert.Equal(2, code);
            Assert.Contains("--reason bieu-01.so-vu=", error, StringComparison.Ordinal);

            (code, output, error) = await host.CliAsync("rollup", Sub, "bao-cao", "--file", narrative,
                "--set", "bieu-01.so-vu=7", "--reason", "bieu-01.so-vu=Bổ sung 2 vụ do Công an huyện thụ lý trực tiếp");
            Assert.True(code == 0, error);
            Assert.Matches(@"✓ Đã gửi báo cáo «Báo cáo tổng kết» lên chu kỳ cay-cli: biên nhận số \S+, lúc \d{2}/\d{2}/2024 \d{2}:\d{2}(:\d{2})?, phiên bản 1, đúng hạn\.", output);
            Assert.Contains("    bieu-01.so-vu: Bổ sung 2 vụ do Công an huyện thụ lý trực tiếp", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(narrative);
        }

        var receipt = System.Text.RegularExpressions.Regex.Match(output, @"biên nhận số (\S+),").Groups[1].Value;
        var rows = await host.GetJsonAsync($"/api/cycles/{Province}/units?subject=bao-cao");
        var row = rows.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == Relay);
        Assert.Equal(("on-time", receipt), (row.GetProperty("state").GetString(), row.GetProperty("receipt").GetString()));

        // The province sees the sub-cycle in its relays and its detail; the sub-cycle names its parent.
        var relays = await host.GetJsonAsync($"/api/cycles/{Province}/relays");
        Assert.Equal(Sub, relays.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == Relay).GetProperty("subCycleId").GetString());
        var detail = await host.GetJsonAsync($"/api/cycles/{Province}");
        Assert.Contains(Sub, detail.GetProperty("relays").EnumerateArray().Select(r => r.GetProperty("subCycleId").GetString()));

        (code, output, error) = await host.CliAsync("status", Province);
        Assert.True(code == 0, error);
        Assert.Contains("Đơn vị trung gian (2) — chi tiết: workflow relays cay-cli", output, StringComparison.Ordinal);
        Assert.Contains($" — kỳ {Sub}, ", output, StringComparison.Ordinal);

        (code, output, error) = await host.CliAsync("status", Sub);
        Assert.True(code == 0, error);
        Assert.Contains($"Kỳ báo cáo cấp dưới của BCĐ huyện An Sơn, thuộc chu kỳ {Province}", output, StringComparison.Ordinal);
    }
}
