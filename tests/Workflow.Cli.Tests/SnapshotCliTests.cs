using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Cli.Tests;

/// <summary>Tổng hợp ngay from the command line, the snapshots' list and files, and milestones in status and schedule.</summary>
public sealed class SnapshotCliTests
{
    private const string Snapshot = """
        {"id":"20240502T020000Z-k7q2mx","at":"2024-05-02T02:00:00Z","atText":"02/05/2024 09:00","takenAt":"2026-12-02T10:00:00Z","requestedBy":"Phòng PV01",
         "milestone":null,"note":"Số liệu giao ban","expected":43,"onTime":30,"late":5,"missing":8,"pending":0,"nominationsReceived":4,"nominationsAccepted":3,
         "url":"/api/cycles/bg-2024/consolidations/20240502T020000Z-k7q2mx",
         "exports":[{"name":"tong-hop.xlsx","url":"/api/cycles/bg-2024/consolidations/20240502T020000Z-k7q2mx/exports/tong-hop.xlsx"},
                    {"name":"bao-cao-don-vi.csv","url":"/api/cycles/bg-2024/consolidations/20240502T020000Z-k7q2mx/exports/bao-cao-don-vi.csv"}],
         "failures":[]}
        """;

    private const string Milestone = """
        {"id":"20240508T010000Z-hoi-nghi","at":"2024-05-08T01:00:00Z","atText":"08/05/2024 08:00","takenAt":"2026-12-02T10:01:00Z",
         "requestedBy":"Tự động theo mốc «Hội nghị tổng kết cấp tỉnh»","milestone":"hoi-nghi","note":null,"expected":43,"onTime":31,"late":6,"missing":6,"pending":0,
         "nominationsReceived":0,"nominationsAccepted":0,"url":"/api/cycles/bg-2024/consolidations/20240508T010000Z-hoi-nghi","exports":[],"failures":[]}
        """;

    private static async Task<(int Code, string Output, string Error, StubHandler Handler)> Run(StubHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, name => name == "WORKFLOW_OPERATOR_KEY" ? "khoa-thu" : null, handler);
        return (code, output.ToString(), error.ToString(), handler);
    }

    [Fact]
    public async Task Consolidate_PostsWhoAsksAndWhy_AndShowsTheSnapshot()
    {
        var handler = new StubHandler((_, _) => (HttpStatusCode.Created, Snapshot, "application/json"));

        var (code, output, _, _) = await Run(handler, "consolidate", "bg-2024", "--by", "Phòng PV01", "--note", "Số liệu giao ban");
        var (plainCode, _, _, _) = await Run(handler, "consolidate", "bg-2024");

        Assert.Equal((0, 0), (code, plainCode));
        var (request, body) = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:7071/api/cycles/bg-2024/consolidations", request.RequestUri!.ToString());
        using (var json = JsonDocument.Parse(body!))
        {
            Assert.Equal(("Phòng PV01", "Số liệu giao ban"), (json.RootElement.GetProperty("requestedBy").GetString(), json.RootElement.GetProperty("note").GetString()));
        }

        Assert.Equal("{}", handler.Requests[1].Body);
        Assert.Contains("✓ Đã lập bản tổng hợp của chu kỳ bg-2024; chu kỳ vẫn tiếp tục.", output, StringComparison.Ordinal);
        Assert.Contains("Bản tổng hợp 20240502T020000Z-k7q2mx — lúc 02/05/2024 09:00 (giờ của kỳ báo cáo); người yêu cầu: Phòng PV01", output, StringComparison.Ordinal);
        Assert.Contains("đã nộp 35/43: đúng hạn 30, muộn 5, quá hạn 8, còn hạn 0; đề nghị khen thưởng 4, đạt 3", output, StringComparison.Ordinal);
        Assert.Contains("Tải các tệp: workflow export bg-2024 --snapshot 20240502T020000Z-k7q2mx", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshots_ListsThemNewestFirst_AndShowsOne()
    {
        var handler = new StubHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/api/cycles/bg-2024/consolidations" => (HttpStatusCode.OK, $"[{Milestone},{Snapshot}]", "application/json"),
            "/api/cycles/bg-2024/consolidations/20240502T020000Z-k7q2mx" => (HttpStatusCode.OK, Snapshot, "application/json"),
            _ => (HttpStatusCode.NotFound, """{"title":"Không tìm thấy","status":404,"detail":"Kỳ báo cáo «bg-2024» không có bản tổng hợp «x»."}""", "application/problem+json"),
        });

        var (code, output, _, _) = await Run(handler, "snapshots", "bg-2024");
        var (showCode, shown, _, _) = await Run(handler, "snapshots", "bg-2024", "--show", "20240502T020000Z-k7q2mx");
        var (missingCode, _, missing, _) = await Run(handler, "snapshots", "bg-2024", "--show", "x");

        Assert.Equal((0, 0, 1), (code, showCode, missingCode));
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("08/05/2024 08:00 ", lines[1], StringComparison.Ordinal);
        Assert.Contains("Tự động theo mốc «Hội nghị tổng kết", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("02/05/2024 09:00 Phòng PV01", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("20240502T020000Z-k7q2mx", lines[2], StringComparison.Ordinal);
        Assert.Contains("2 bản tổng hợp.", output, StringComparison.Ordinal);
        Assert.Contains("Ghi chú: Số liệu giao ban", shown, StringComparison.Ordinal);
        Assert.Contains("  bao-cao-don-vi.csv", shown, StringComparison.Ordinal);
        Assert.Contains("không có bản tổng hợp «x»", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfASnapshot_DownloadsItsFiles()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var handler = new StubHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/api/cycles/bg-2024/consolidations/20240502T020000Z-k7q2mx" => (HttpStatusCode.OK, Snapshot, "application/json"),
            var path => (HttpStatusCode.OK, "nội dung " + path, "application/octet-stream"),
        });

        var (code, output, _, _) = await Run(handler, "export", "bg-2024", "--snapshot", "20240502T020000Z-k7q2mx", "--out", folder);

        Assert.Equal(0, code);
        Assert.Equal(["bao-cao-don-vi.csv", "tong-hop.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal("nội dung /api/cycles/bg-2024/consolidations/20240502T020000Z-k7q2mx/exports/tong-hop.xlsx", await File.ReadAllTextAsync(Path.Combine(folder, "tong-hop.xlsx")));
        Assert.Contains("✓ Đã tải 2 tệp", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Status_ListsTheMilestonesWithTheirReminders()
    {
        const string cycle = """
            {"id":"bg-2024","title":"Kế hoạch","planNumber":"12/KH-BCĐ","issuer":"BCĐ tỉnh","runtimeStatus":"running","createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-05-08T01:00:00Z",
             "nextDeadline":"2024-05-14T17:00:00Z","nextDeadlineText":"mốc công việc «Hội nghị tổng kết cấp tỉnh»: trước ngày 15/05/2024","blocks":[],"deliverables":[],"rounds":[],
             "milestones":[{"id":"hoi-nghi","title":"Hội nghị tổng kết cấp tỉnh","deadlineText":"trước ngày 15/05/2024","lastAcceptedText":"14/05/2024 23:59","cutoff":"2024-05-14T17:00:00Z",
                            "consolidate":true,"reached":false,"remindersText":["08/05/2024 08:00 (nhắc trước hạn 7 ngày)","12/05/2024 08:00 (nhắc trước hạn 3 ngày)"]}]}
            """;

        var (code, output, _, _) = await Run(new StubHandler((_, _) => (HttpStatusCode.OK, cycle, "application/json")), "status", "bg-2024");

        Assert.Equal(0, code);
        Assert.Contains("Hạn tiếp theo: 14/05/2024 23:59 (mốc công việc «Hội nghị tổng kết cấp tỉnh»: trước ngày 15/05/2024)", output, StringComparison.Ordinal);
        Assert.Contains("Mốc công việc (nhắc cơ quan thường trực)", output, StringComparison.Ordinal);
        Assert.Contains("  Hội nghị tổng kết cấp tỉnh: trước ngày 15/05/2024 (đến 14/05/2024 23:59; sắp tới; tổng hợp nhanh mỗi lần nhắc)", output, StringComparison.Ordinal);
        Assert.Contains("    nhắc: 08/05/2024 08:00 (nhắc trước hạn 7 ngày); 12/05/2024 08:00 (nhắc trước hạn 3 ngày)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_ShowsTheMilestonesAndTheirRemindersOffline()
    {
        var plan = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json")))!.AsObject();
        plan["operatorEmails"] = new JsonArray("thuongtruc@congan.bacgiang.example");
        plan["milestones"] = new JsonArray(new JsonObject
        {
            ["id"] = "hoi-nghi",
            ["title"] = "Hội nghị tổng kết cấp tỉnh",
            ["deadline"] = new JsonObject { ["semantics"] = "before", ["date"] = "2024-07-15" },
            ["consolidate"] = true,
        });
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, plan.ToJsonString());

        var (code, output, error, handler) = await Run(new StubHandler((_, _) => (HttpStatusCode.OK, "{}", "application/json")), "schedule", file);

        Assert.True(code == 0, error);
        Assert.Empty(handler.Requests);
        Assert.Contains("Mốc công việc (nhắc cơ quan thường trực: thuongtruc@congan.bacgiang.example)", output, StringComparison.Ordinal);
        Assert.Contains($"{"hoi-nghi",-34} trước ngày 15/07/2024 (đến 23:59:59.999 14/07/2024); tổng hợp nhanh mỗi lần nhắc — Hội nghị tổng kết cấp tỉnh", output, StringComparison.Ordinal);
        Assert.Contains($"08/07/2024 08:00  {"hoi-nghi",-34} Nhắc mốc công việc trước hạn 7 ngày (thư tới cơ quan thường trực, kèm bản tổng hợp nhanh)", output, StringComparison.Ordinal);
        Assert.Contains($"15/07/2024 00:00  {"hoi-nghi",-34} Hết hạn mốc công việc", output, StringComparison.Ordinal);
        File.Delete(file);
    }
}
