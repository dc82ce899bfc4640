using Workflow.Storage;

namespace Workflow.Adapters.Tests;

public sealed class FileNameSanitizerTests
{
    [Theory]
    [InlineData("Báo cáo sơ kết.pdf", "Báo cáo sơ kết.pdf")]
    [InlineData("C:\\Users\\vanthu\\Desktop\\Tờ trình.docx", "Tờ trình.docx")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("bien\u0000ban\u001f hop.pdf", "bienban hop.pdf")]
    [InlineData("hoso\u202Efdp.exe", "hosofdp.exe")]
    [InlineData("a:b*c?.xlsx", "a_b_c_.xlsx")]
    [InlineData("  .tên.pdf.  ", "tên.pdf")]
    [InlineData("", null)]
    [InlineData("..", null)]
    [InlineData("dir/", null)]
    public void Sanitize_StripsPathsAndControlCharactersAndKeepsVietnamese(string input, string? expected) =>
        Assert.Equal(expected, FileNameSanitizer.Sanitize(input));

    [Fact]
    public void Sanitize_OfAVeryLongName_KeepsTheExtensionWithinTheLimit()
    {
        var result = FileNameSanitizer.Sanitize(new string('ệ', 300) + ".pdf");

        Assert.Equal(FileNameSanitizer.MaxLength, result!.Length);
        Assert.EndsWith("ệ.pdf", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_ComposesDecomposedVietnameseLetters()
    {
        // "ệ" typed as e + combining circumflex + combining dot below, as some Mac clients send it.
        Assert.Equal("Kế hoạch.pdf".Normalize(), FileNameSanitizer.Sanitize("Ke\u0302\u0301 hoa\u0323ch.pdf"));
    }
}
