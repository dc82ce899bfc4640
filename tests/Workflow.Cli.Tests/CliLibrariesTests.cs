using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console.Testing;

namespace Workflow.Cli.Tests;

/// <summary>The command line on System.CommandLine and Spectre.Console: live status, --json, help and usage errors.</summary>
public sealed class CliLibrariesTests
{
    private static string Cycle(string status, int onTime, int pending) => $$"""
        {"id":"bg-2024","title":"Kế hoạch tổng kết","planNumber":"12/KH","runtimeStatus":"{{status}}",
         "createdAt":"2024-03-11T02:00:00Z","lastUpdatedAt":"2024-04-02T03:30:00Z",
         "progress":{"phase":"collecting","phaseLabel":"Thu nhận báo cáo","expected":10,"onTime":{{onTime}},"late":0,"missing":0,"pending":{{pending}},"remindersSent":0,"extensions":0},
         "blocks":[{"id":"huyen","name":"Ban Chỉ đạo cấp huyện","expected":10,"onTime":{{onTime}},"late":0,"missing":0,"pending":{{pending}}}]}
        """;

    private static readonly Dictionary<string, string> Environment = new() { ["WORKFLOW_OPERATOR_KEY"] = "khoa-thu" };

    private static async Task<(int Code, string Output, string Error)> Run(StubHandler handler, params string[] args)
    {
        var console = new TestConsole().Width(100);
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, console, error, name => Environment.GetValueOrDefault(name), handler);
        return (code, console.Output, error.ToString());
    }

    [Fact]
    public async Task StatusWatch_RedrawsUntilTheCycleCompletes_ThenPrintsTheFinalTable_AndStopsPolling()
    {
        string[] answers = [Cycle("running", 2, 8), Cycle("running", 6, 4), Cycle("completed", 10, 0), Cycle("completed", 10, 0)];
        var calls = 0;
        var handler = new StubHandler((_, _) => (HttpStatusCode.OK, answers[Math.Min(calls++, answers.Length - 1)], "application/json"));

        var (code, output, error) = await Run(handler, "status", "bg-2024", "--watch", "--interval", "0.01");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("Chu kỳ bg-2024: Đã kết thúc", output, StringComparison.Ordinal);
        var final = output[output.LastIndexOf("Theo khối", StringComparison.Ordinal)..];
        var row = final.Split('\n').Single(l => l.Contains("Ban Chỉ đạo cấp huyện", StringComparison.Ordinal));
        Assert.Contains("100%", row, StringComparison.Ordinal);
        Assert.Contains("10/10", row, StringComparison.Ordinal);
        Assert.Contains("████████████████████████", row, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 100, l));
    }

    [Fact]
    public async Task Json_PrintsTheHostsBody_Indented_AndNothingElse()
    {
        var body = Cycle("running", 2, 8);
        var handler = new StubHandler((_, _) => (HttpStatusCode.OK, body, "application/json"));

        var (code, output, _) = await Run(handler, "status", "bg-2024", "--json");

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(output)));
        Assert.Contains("\n  \"id\": \"bg-2024\"", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJson_JoinsThePages_IntoOneArray()
    {
        var handler = new StubHandler((request, _) => (HttpStatusCode.OK, request.RequestUri!.Query == ""
            ? """{"items":[{"id":"a"}],"continuationToken":"t"}"""
            : """{"items":[{"id":"b"}],"continuationToken":null}""", "application/json"));

        var (code, output, _) = await Run(handler, "list", "--json");

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"id":"a"},{"id":"b"}]"""), JsonNode.Parse(output)));
    }

    [Fact]
    public async Task Help_ListsTheVerbs_InVietnamese()
    {
        var handler = new StubHandler((_, _) => (HttpStatusCode.OK, "{}", "application/json"));

        var (code, output, _) = await Run(handler, "--help");
        var (verbCode, verbOutput, _) = await Run(handler, "status", "--help");

        Assert.Equal((0, 0), (code, verbCode));
        Assert.Contains("Cách dùng:", output, StringComparison.Ordinal);
        foreach (var verb in CliApp.Commands)
        {
            Assert.Contains($"workflow {verb.Name}", output, StringComparison.Ordinal);
        }

        Assert.Contains("--watch vẽ lại thanh tiến độ từng khối", verbOutput, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("Tuỳ chọn không hợp lệ cho lệnh «status»: --force", "status", "bg", "--force")]
    [InlineData("Tuỳ chọn --reason cần một giá trị.", "terminate", "bg", "--reason")]
    [InlineData("Tuỳ chọn --reason cần một giá trị.", "terminate", "bg", "--reason", "--unit", "a")]
    [InlineData("Tuỳ chọn --reason cần một giá trị.", "terminate", "bg", "--reason=")]
    [InlineData("Khoảng thời gian «0» không hợp lệ", "status", "bg", "--watch", "--interval", "0")]
    public async Task UsageError_ExitsTwo_WithTheMessageOnStderr(string message, params string[] args)
    {
        var handler = new StubHandler((_, _) => (HttpStatusCode.OK, "{}", "application/json"));

        var (code, output, error) = await Run(handler, args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Parser_TakesBothOptionForms_RepeatedOptions_AndFlags()
    {
        var args = CommandTree.ParseVerb(new Commands.ExtendCommand(), "bg", "--unit", "a", "--unit=b", "--reason", "lý do dài", "--key=k=1");

        Assert.Equal(["bg"], args.Positionals);
        Assert.Equal(["a", "b"], args.All("--unit"));
        Assert.Equal("lý do dài", args.Single("--reason"));
        Assert.Equal("k=1", args.Single("--key"));
        Assert.False(args.Has("--url"));
        Assert.True(CommandTree.ParseVerb(new Commands.StatusCommand(), "bg", "--json").Has("--json"));
    }
}
