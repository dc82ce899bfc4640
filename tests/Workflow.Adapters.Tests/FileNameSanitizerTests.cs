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

    [Theory]
    [InlineData("Báo cáo sơ kết.pdf", null)]
    [InlineData("C:\\Users\\vanthu\\Desktop\\Tờ trình.docx", null)]
    [InlineData("hoso\u202Efdp.exe", null)]
    [InlineData("../../etc/passwd.pdf", "«..»")]
    [InlineData("C:\\tmp\\ ..\\x.pdf", "«..»")]
    [InlineData("bien\u0000ban.pdf", "ký tự điều khiển")]
    [InlineData("bao-cao%00.exe.pdf", "ký tự điều khiển")]
    [InlineData("dong\r\nmoi.pdf", "ký tự điều khiển")]
    public void Refusal_NamesWhatABrowserNeverSends(string input, string? reason)
    {
        var refusal = FileNameSanitizer.Refusal(input);
        if (reason is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(reason, refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refusal_OfANameBeyond255Characters_GivesItsLengthNotTheName()
    {
        Assert.Null(FileNameSanitizer.Refusal(new string('ệ', 251) + ".pdf"));
        Assert.Equal("tên tệp dài 5.004 ký tự, vượt quá 255 ký tự.", FileNameSanitizer.Refusal(new string('f', 5000) + ".pdf"));
    }

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
