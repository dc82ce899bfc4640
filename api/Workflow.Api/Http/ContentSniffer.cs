namespace Workflow.Api.Http;

/// <summary>
/// Checks a file by its first bytes, so a renamed executable is refused however it is named, and the content must
/// match the extension (a ZIP named .pdf is refused too).
/// </summary>
public static class ContentSniffer
{
    public const int HeaderLength = 8;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];

    private static readonly Dictionary<string, byte[][]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = [Pdf],
        [".doc"] = [Ole2],
        [".xls"] = [Ole2],
        [".docx"] = [Zip],
        [".xlsx"] = [Zip],
        [".zip"] = [Zip],
        [".jpg"] = [Jpeg],
        [".jpeg"] = [Jpeg],
        [".png"] = [Png],
        [".tif"] = [TiffLittle, TiffBig],
        [".tiff"] = [TiffLittle, TiffBig],
    };

    /// <summary>True when the header starts with a signature of the extension's format.</summary>
    public static bool Matches(string extension, ReadOnlySpan<byte> header)
    {
        if (!Signatures.TryGetValue(extension, out var signatures))
        {
            return false;
        }

        foreach (var signature in signatures)
        {
            if (header.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }
}
