using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Tests;

public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(3, 1, 2, 4, 10, "███▓░░····")]
    [InlineData(10, 0, 0, 0, 10, "██████████")]
    [InlineData(0, 0, 0, 0, 8, "········")]
    [InlineData(1, 1, 1, 0, 10, "████▓▓▓░░░")]
    [InlineData(1, 0, 0, 99, 10, "··········")]
    public void Render_SplitsTheWidthByState(int onTime, int late, int missing, int pending, int width, string expected)
    {
        Assert.Equal(expected, ProgressBar.Render(onTime, late, missing, pending, width));
    }

    [Fact]
    public void Render_IsAlwaysExactlyTheWidth()
    {
        for (var total = 1; total < 60; total++)
        {
            for (var onTime = 0; onTime <= total; onTime += 3)
            {
                var late = (total - onTime) / 3;
                var bar = ProgressBar.Render(onTime, late, total - onTime - late, 0, 30);
                Assert.Equal(30, bar.Length);
            }
        }
    }

    [Theory]
    [InlineData(1, 3, "33%")]
    [InlineData(2, 3, "67%")]
    [InlineData(0, 0, "0%")]
    [InlineData(5, 5, "100%")]
    public void Percent_RoundsToWholeNumbers(int part, int total, string expected) =>
        Assert.Equal(expected, ProgressBar.Percent(part, total));

    [Fact]
    public void BlockLine_ShowsNameBarPercentAndCounts()
    {
        var line = CycleStatusRenderer.BlockLine(new BlockProgress("huyen", "Ban Chỉ đạo cấp huyện", 10, 3, 1, 2, 4));

        Assert.Equal(
            "  Ban Chỉ đạo cấp huyện              [█████████▓▓▓░░░░░░············]  40%   4/10  đúng hạn 3 · muộn 1 · quá hạn 2 · chưa nộp 4",
            line);
    }
}
