using Workflow.Cli.Arguments;

namespace Workflow.Cli.Tests;

public sealed class ArgumentParserTests
{
    private static readonly string[] Allowed = ["--unit", "--reason", "--key"];

    [Fact]
    public void Parse_SpaceAndEqualsForms_RepeatedOptions_AndPositionals()
    {
        var result = ArgumentParser.Parse(["extend", "bg", "--unit", "a", "--unit=b", "--reason", "lý do dài", "--key=k=1"], Allowed);

        var args = Assert.IsType<ParsedArguments>(result.Arguments);
        Assert.Equal("extend", args.Verb);
        Assert.Equal(["bg"], args.Positionals);
        Assert.Equal(["a", "b"], args.All("--unit"));
        Assert.Equal("lý do dài", args.Single("--reason"));
        Assert.Equal("k=1", args.Single("--key"));
        Assert.False(args.Has("--url"));
    }

    [Fact]
    public void Parse_UnknownOption_IsRefusedInVietnamese()
    {
        var result = ArgumentParser.Parse(["status", "bg", "--force"], Allowed);

        Assert.Null(result.Arguments);
        Assert.Equal("Tuỳ chọn không hợp lệ cho lệnh «status»: --force", result.Error);
    }

    [Theory]
    [InlineData("--reason")]
    [InlineData("--reason", "--unit", "a")]
    [InlineData("--reason=")]
    public void Parse_OptionWithoutValue_IsRefused(params string[] tail)
    {
        var result = ArgumentParser.Parse(["terminate", "bg", .. tail], Allowed);

        Assert.Equal("Tuỳ chọn --reason cần một giá trị.", result.Error);
    }
}
