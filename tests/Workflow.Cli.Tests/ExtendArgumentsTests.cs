using Workflow.Cli.Api;
using Workflow.Cli.Commands;

namespace Workflow.Cli.Tests;

public sealed class ExtendArgumentsTests
{
    private static readonly ExtendCommand Command = new();

    private static (string? Id, ExtensionRequest? Request, string? Error) Build(params string[] args) =>
        ExtendCommand.Build(CommandTree.ParseVerb(Command, args));

    [Fact]
    public void Before_WithUnitsRepeatedAndCommaSeparated_BuildsTheApiRequest()
    {
        var (id, request, error) = Build("bg-2024", "--subject", "bao-cao-tong-ket", "--before", "2024-05-10",
            "--unit", "bcd-viet-yen", "--unit", "bcd-luc-nam, bcd-yen-the", "--by-whom", "Đại tá Nguyễn Văn A", "--reason", "Mưa lũ");

        Assert.Null(error);
        Assert.Equal("bg-2024", id);
        Assert.Equal(new NewDeadline("before", "2024-05-10", null), request!.NewDeadline);
        Assert.Equal(["bcd-viet-yen", "bcd-luc-nam", "bcd-yen-the"], request.Units);
        Assert.Equal(("bao-cao-tong-ket", "Đại tá Nguyễn Văn A", "Mưa lũ"), (request.Subject, request.RequestedBy, request.Reason));
        Assert.Equal("trước ngày 10/05/2024", ExtendCommand.Describe(request.NewDeadline));
    }

    [Fact]
    public void By_AndWithinMonth_MapToTheirSemantics_AndNoUnitsMeansEveryUnit()
    {
        var by = Build("bg", "--subject", "s", "--by", "2024-05-31", "--by-whom", "pv01", "--reason", "r").Request!;
        var month = Build("bg", "--subject", "s", "--within-month", "2024-06", "--by-whom", "pv01", "--reason", "r").Request!;

        Assert.Equal(new NewDeadline("by", "2024-05-31", null), by.NewDeadline);
        Assert.Equal(new NewDeadline("within-month", null, "2024-06"), month.NewDeadline);
        Assert.Empty(by.Units);
        Assert.Equal("hoàn thành trong ngày 31/05/2024", ExtendCommand.Describe(by.NewDeadline));
        Assert.Equal("trong tháng 06/2024", ExtendCommand.Describe(month.NewDeadline));
    }

    [Theory]
    [InlineData("Cần đúng một hạn mới: --before, --by hoặc --within-month.", "bg", "--subject", "s", "--by-whom", "p", "--reason", "r")]
    [InlineData("Cần đúng một hạn mới: --before, --by hoặc --within-month.", "bg", "--subject", "s", "--before", "2024-05-01", "--by", "2024-05-01", "--by-whom", "p", "--reason", "r")]
    [InlineData("Ngày không hợp lệ: «01/05/2024» (cần dạng yyyy-MM-dd, ví dụ 2024-05-01).", "bg", "--subject", "s", "--before", "01/05/2024", "--by-whom", "p", "--reason", "r")]
    [InlineData("Tháng không hợp lệ: «2024-13» (cần dạng yyyy-MM, ví dụ 2024-05).", "bg", "--subject", "s", "--within-month", "2024-13", "--by-whom", "p", "--reason", "r")]
    [InlineData("Cần nêu nội dung được gia hạn (--subject).", "bg", "--before", "2024-05-01", "--by-whom", "p", "--reason", "r")]
    [InlineData("Cần nêu người đề nghị gia hạn (--by-whom).", "bg", "--subject", "s", "--before", "2024-05-01", "--reason", "r")]
    [InlineData("Cần nêu lý do gia hạn (--reason).", "bg", "--subject", "s", "--before", "2024-05-01", "--by-whom", "p")]
    [InlineData("Cần đúng một mã chu kỳ.", "--subject", "s", "--before", "2024-05-01", "--by-whom", "p", "--reason", "r")]
    public void Malformed_SaysWhatIsWrong(string expected, params string[] args)
    {
        var (_, request, error) = Build(args);

        Assert.Null(request);
        Assert.Equal(expected, error);
    }
}
