using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Workflow.Api.Http;

namespace Workflow.Api.Tests;

/// <summary>The content check on its own: packages opened and bounded, PDFs checked beyond their first bytes.</summary>
public sealed class ContentSnifferTests
{
    [Fact]
    public void GenuineOfficePackagesAndArchives_AreAccepted()
    {
        Assert.Null(Inspect("bao-cao.docx", Package("word/document.xml")));
        Assert.Null(Inspect("so-lieu.xlsx", Package("xl/workbook.xml")));
        Assert.Null(Inspect("trinh-chieu.pptx", Package("ppt/presentation.xml")));
        Assert.Null(Inspect("ho-so.zip", Zip(("to-trinh.pdf", Uploads.Pdf("tờ trình")))));
    }

    [Fact]
    public void ZipBombNamedDocx_IsRefusedAsTooLarge_FromItsDeclaredSizes()
    {
        var problem = Inspect("bao-cao.docx", HostileInputTests.ZipBomb(200L * 1024 * 1024));

        Assert.NotNull(problem);
        Assert.True(problem.TooLarge);
        Assert.Contains("giải nén", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBombWhoseHeadersUnderstateItsSize_IsRefusedWhenInflating()
    {
        var bomb = HostileInputTests.ZipBomb(ContentSniffer.MaxExpandedBytes + (8 * 1024 * 1024));
        Understate(bomb, "word/document.xml"u8, 1000);

        var problem = Inspect("bao-cao.docx", bomb);

        Assert.NotNull(problem);
    }

    [Fact]
    public void PackageWithTooManyEntries_IsRefused()
    {
        var entries = Enumerable.Range(0, ContentSniffer.MaxEntries + 1).Select(i => ($"t{i}.txt", "x"u8.ToArray())).ToArray();

        var problem = Inspect("ho-so.zip", Zip(entries));

        Assert.True(problem is { TooLarge: true }, problem?.Message);
    }

    [Fact]
    public void ZipThatIsNotAnOfficePackage_OrPkFollowedByElf_OrAnotherOfficeKind_IsRefused()
    {
        Assert.NotNull(Inspect("bao-cao.docx", HostileInputTests.PlainZip()));
        Assert.NotNull(Inspect("bao-cao.docx", [.. "PK\u0003\u0004"u8, 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. new byte[64]]));
        Assert.NotNull(Inspect("bao-cao.xlsx", Package("word/document.xml")));
    }

    [Fact]
    public void ArchiveCarryingAProgram_IsRefused()
    {
        byte[] program = [.. "MZ"u8, 0x90, 0x00, .. "This program cannot be run in DOS mode"u8];

        Assert.NotNull(Inspect("ho-so.zip", Zip(("to-trinh.pdf", Uploads.Pdf("x")), ("cai-dat.pdf", program))));
    }

    [Theory]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", true)]
    [InlineData("%PDF-2.0\r\n%%EOF", true)]
    [InlineData("%PDF-\nMZ\n%%EOF", false)]
    [InlineData("%PDF-1.7\nMZ\u0090\u0000\u0003\n%%EOF", false)]
    [InlineData("%PDF-1.7\n#!/bin/sh\nrm -rf /\n%%EOF", false)]
    [InlineData("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", false)]
    [InlineData("%PDF-1.7\n<stream>This program cannot be run in DOS mode.</stream>\n%%EOF", false)]
    public void Pdf_IsCheckedForItsHeaderTrailerAndEmbeddedPrograms(string text, bool accepted)
    {
        var problem = Inspect("bao-cao.pdf", Encoding.Latin1.GetBytes(text));

        Assert.Equal(accepted, problem is null);
    }

    [Fact]
    public void PdfWithAnElfDeepInside_IsRefused()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8, .. new byte[200_000], 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. new byte[1000], .. "\n%%EOF"u8];

        Assert.NotNull(Inspect("bao-cao.pdf", pdf));
    }

    [Theory]
    [InlineData("bao-cao.pdf", "application/pdf")]
    [InlineData("BAO-CAO.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("so-lieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("anh.jpeg", "image/jpeg")]
    [InlineData("trang.html", "application/octet-stream")]
    [InlineData("khong-duoi", "application/octet-stream")]
    public void DownloadType_ComesFromTheCheckedExtension(string fileName, string expected)
    {
        Assert.Equal(expected, ContentSniffer.MediaType(fileName));
    }

    private static ContentProblem? Inspect(string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return ContentSniffer.Inspect(fileName, stream);
    }

    private static byte[] Package(string mainPart) => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"u8.ToArray()),
        (mainPart, "<?xml version=\"1.0\"?><root/>"u8.ToArray()));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of the named entry, in its local header and its central directory record.</summary>
    private static void Understate(byte[] zip, ReadOnlySpan<byte> name, uint size)
    {
        var patched = 0;
        for (var at = 0; at + 46 < zip.Length; at++)
        {
            var span = zip.AsSpan(at);
            if (span.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && span[30..].StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[22..], size);
                patched++;
            }
            else if (span.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x01, 0x02]) && span[46..].StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[24..], size);
                patched++;
            }
        }

        Assert.Equal(2, patched);
    }
}
