using System.IO.Compression;
using System.Text;

namespace Workflow.Soak;

/// <summary>Files a unit must not be able to hand in: a zip bomb named .docx, polyglots, an executable, HTML posing as a PDF.</summary>
internal static class HostileFiles
{
    private static readonly Lazy<byte[]> Bomb = new(BuildZipBomb);

    /// <summary>A package that looks like a Word document and unpacks to 200 MB.</summary>
    public static byte[] ZipBomb => Bomb.Value;

    /// <summary>Starts as a PDF, carries a Windows executable right after the magic bytes.</summary>
    public static byte[] PdfThenPe => [.. "%PDF-1.7\n"u8, .. Pe()];

    /// <summary>A Windows executable with a PDF header inside its first kilobyte (PDF readers look that far).</summary>
    public static byte[] PeThenPdf => [.. Pe(), .. "\n%PDF-1.7\n%%EOF\n"u8];

    /// <summary>A ZIP local-file signature followed by a Linux executable.</summary>
    public static byte[] ZipThenElf => [0x50, 0x4B, 0x03, 0x04, 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[120]];

    /// <summary>Script in a file that opens with the PDF magic bytes; stored XSS if served back as text/html.</summary>
    public static byte[] HtmlPdf => Encoding.UTF8.GetBytes("%PDF-1.4\n<html><body><script>fetch('/api/cycles',{headers:{'X-Api-Key':localStorage.key}})</script></body></html>\n");

    public static byte[] Gif => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B];

    public static byte[] Pe()
    {
        var pe = new byte[512];
        pe[0] = (byte)'M';
        pe[1] = (byte)'Z';
        pe[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(pe.AsSpan(0x80));
        return pe;
    }

    private static byte[] BuildZipBomb()
    {
        using var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                document.Write(zeros);
            }
        }

        return package.ToArray();
    }
}
