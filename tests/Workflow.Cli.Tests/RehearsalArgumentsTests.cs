using Workflow.Cli.Api;
using Workflow.Cli.Commands;

namespace Workflow.Cli.Tests;

public sealed class RehearsalArgumentsTests
{
    private static (string? File, RehearsalStart? Rehearsal, string? Error) Start(params string[] args) =>
        StartCommand.Build(CommandTree.ParseVerb(new StartCommand(), args));

    private static (string? Id, DateTimeOffset? To, string? Error) Advance(params string[] args) =>
        AdvanceCommand.Build(CommandTree.ParseVerb(new AdvanceCommand(), args));

    [Theory]
    [InlineData("11/03/2024 08:00", "2024-03-11T01:00:00Z")]
    [InlineData("11/03/2024", "2024-03-11T01:00:00Z")]
    [InlineData("1/4/2024 23:59", "2024-04-01T16:59:00Z")]
    [InlineData(" 30/04/2024   7:05 ", "2024-04-30T00:05:00Z")]
    [InlineData("31/12/2024 00:00", "2024-12-30T17:00:00Z")]
    public void BusinessInstant_IsVietnamTime_AndADayAloneIsEightOClock(string text, string utc)
    {
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), BusinessInstant.Parse(text));
    }

    [Theory]
    [InlineData("2024-03-11")]
    [InlineData("31/02/2024")]
    [InlineData("11/03/2024 25:00")]
    [InlineData("hôm nay")]
    public void BusinessInstant_RefusesOtherShapes(string text) => Assert.Null(BusinessInstant.Parse(text));

    [Fact]
    public void Start_WithoutRehearsal_IsLive()
    {
        var (file, rehearsal, error) = Start("plan.json", "--id", "bg");

        Assert.Equal(("plan.json", (RehearsalStart?)null, (string?)null), (file, rehearsal, error));
    }

    [Fact]
    public void Start_Step_FromAVietnamInstant()
    {
        var (_, rehearsal, error) = Start("plan.json", "--rehearsal", "STEP", "--from", "11/03/2024 08:00");

        Assert.Null(error);
        Assert.Equal(new RehearsalStart("step", new DateTimeOffset(2024, 3, 11, 1, 0, 0, TimeSpan.Zero)), rehearsal);
        Assert.Equal("Diễn tập từng bước từ 11/03/2024 08:00: thời gian của chu kỳ đứng yên cho tới khi được chuyển tiếp", StartCommand.Describe(rehearsal!));
    }

    [Fact]
    public void Start_Speed_WithoutFrom_StartsAtTheHostsDefault()
    {
        var (_, rehearsal, error) = Start("plan.json", "--rehearsal=200000");

        Assert.Null(error);
        Assert.Equal(new RehearsalStart("200000", null), rehearsal);
        Assert.Equal("Diễn tập nhanh gấp 200.000 lần thời gian thực từ 08:00 ngày ban hành kế hoạch", StartCommand.Describe(rehearsal!));
    }

    [Theory]
    [InlineData("Diễn tập không hợp lệ: «nhanh» (ghi «step» để chuyển từng mốc, hoặc tốc độ từ 1 đến 10000000 lần thời gian thực, ví dụ 200000).", "plan.json", "--rehearsal", "nhanh")]
    [InlineData("Diễn tập không hợp lệ: «0.5» (ghi «step» để chuyển từng mốc, hoặc tốc độ từ 1 đến 10000000 lần thời gian thực, ví dụ 200000).", "plan.json", "--rehearsal", "0.5")]
    [InlineData("Diễn tập không hợp lệ: «20000000» (ghi «step» để chuyển từng mốc, hoặc tốc độ từ 1 đến 10000000 lần thời gian thực, ví dụ 200000).", "plan.json", "--rehearsal", "20000000")]
    [InlineData("Diễn tập không hợp lệ: «-5» (ghi «step» để chuyển từng mốc, hoặc tốc độ từ 1 đến 10000000 lần thời gian thực, ví dụ 200000).", "plan.json", "--rehearsal=-5")]
    [InlineData("Chỉ đợt diễn tập mới bắt đầu từ một thời điểm khác hiện tại: thêm --rehearsal step hoặc --rehearsal <tốc-độ>.", "plan.json", "--from", "11/03/2024")]
    [InlineData("Thời điểm --from không hợp lệ: «2024-03-11» (cần dạng dd/MM/yyyy hoặc \"dd/MM/yyyy HH:mm\", giờ Việt Nam, ví dụ \"11/03/2024 08:00\").", "plan.json", "--rehearsal", "step", "--from", "2024-03-11")]
    [InlineData("Thời điểm có cả giờ cần đặt trong dấu ngoặc kép, ví dụ --from \"11/03/2024 08:00\".", "plan.json", "--rehearsal", "step", "--from", "11/03/2024", "08:00")]
    [InlineData("Cần đúng một tệp kế hoạch.", "--rehearsal", "step")]
    public void Start_Malformed_SaysWhatIsWrong(string expected, params string[] args)
    {
        var (_, rehearsal, error) = Start(args);

        Assert.Null(rehearsal);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Advance_WithoutTo_MovesToTheNextStep()
    {
        Assert.Equal(("bg", (DateTimeOffset?)null, (string?)null), Advance("bg"));
    }

    [Fact]
    public void Advance_To_IsVietnamTime()
    {
        Assert.Equal(("bg", (DateTimeOffset?)new DateTimeOffset(2024, 4, 12, 2, 0, 0, TimeSpan.Zero), (string?)null), Advance("bg", "--to", "12/04/2024 09:00"));
    }

    [Theory]
    [InlineData("Cần đúng một mã chu kỳ.")]
    [InlineData("Cần đúng một mã chu kỳ.", "a", "b")]
    [InlineData("Thời điểm --to không hợp lệ: «12/13/2024» (cần dạng dd/MM/yyyy hoặc \"dd/MM/yyyy HH:mm\", giờ Việt Nam, ví dụ \"11/03/2024 08:00\").", "bg", "--to", "12/13/2024")]
    [InlineData("Thời điểm có cả giờ cần đặt trong dấu ngoặc kép, ví dụ --to \"11/03/2024 08:00\".", "bg", "--to", "12/04/2024", "9:00")]
    public void Advance_Malformed_SaysWhatIsWrong(string expected, params string[] args)
    {
        Assert.Equal(expected, Advance(args).Error);
    }
}
