using Spectre.Console.Testing;
using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Tests;

public sealed class BlockTableTests
{
    [Theory]
    [InlineData(1, 3, "33%")]
    [InlineData(2, 3, "67%")]
    [InlineData(0, 0, "0%")]
    [InlineData(5, 5, "100%")]
    public void Percent_RoundsToWholeNumbers(int part, int total, string expected) =>
        Assert.Equal(expected, Text.Percent(part, total));

    [Fact]
    public void Row_ShowsNameBarPercentAndCounts_AndABlockWithNothingDueSaysSo()
    {
        var console = new TestConsole().Width(100);

        console.Write(BlockTable.Build([new BlockProgress("huyen", "Ban Chỉ đạo cấp huyện", 10, 3, 1, 2, 4), new BlockProgress("pv", "Phòng nghiệp vụ", 0, 0, 0, 0, 0)]));

        var lines = console.Output.Split('\n');
        var row = lines.Single(l => l.Contains("Ban Chỉ đạo cấp huyện", StringComparison.Ordinal));
        Assert.Matches(@"█{24}\s+40%\s+4/10\s+3\s+1\s+2\s+4", row);
        Assert.Contains(lines, l => l.Contains("Phòng nghiệp vụ", StringComparison.Ordinal) && l.Contains("không có báo cáo phải nộp trong kỳ này", StringComparison.Ordinal));
    }
}
