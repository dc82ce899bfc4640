using System.Buffers.Binary;
using System.IO.Compression;

namespace Workflow.Api.Http;

/// <summary>
/// Checks a file by its content, so a renamed executable is refused however it is named and the content must be what
/// the extension says: the first bytes for every type; Office Open XML files and ZIP archives opened as packages with
/// their expanded size and entry count bounded (a zip bomb is refused); PDFs with their header, their trailer and no
/// executable inside. The extension, once checked, is also what a download's Content-Type is derived from.
/// </summary>
public static class ContentSniffer
{
    /// <summary>Largest expanded size of a package: a 50 MB document of scanned images expands to about its own size.</summary>
    public const long MaxExpandedBytes = 100L * 1024 * 1024;

    /// <summary>Most entries in a package: a report has tens of parts, a dossier archive tens of files.</summary>
    public const int MaxEntries = 2_000;

    private const int HeaderLength = 1024;

    // PDF's trailer must sit within the last 1024 bytes (ISO 32000-1, 7.5.5 and implementation note 18).
    private const int TrailerLength = 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];

    /// <summary>Starts of programs: PE/DOS, ELF, Mach-O (both widths, both orders, fat), and scripts run by an interpreter.</summary>
    private static readonly byte[][] Executables =
    [
        "MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46], [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE],
        [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE], "#!"u8.ToArray(),
    ];

    /// <summary>Text every Windows program carries in its DOS stub; its presence anywhere in a PDF means an embedded program.</summary>
    private static readonly byte[] DosStub = "This program cannot be run in DOS mode"u8.ToArray();

    /// <summary>An ELF identification: magic, class 32/64, data LSB/MSB, version 1.</summary>
    private static readonly byte[][] ElfIdents = [[0x7F, 0x45, 0x4C, 0x46, 1, 1, 1], [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1], [0x7F, 0x45, 0x4C, 0x46, 1, 2, 1], [0x7F, 0x45, 0x4C, 0x46, 2, 2, 1]];

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", [Pdf]),
        [".doc"] = new("application/msword", [Ole2]),
        [".xls"] = new("application/vnd.ms-excel", [Ole2]),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip], "word/document.xml"),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip], "xl/workbook.xml"),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [Zip], "ppt/presentation.xml"),
        [".zip"] = new("application/zip", [Zip, EmptyZip], MainPart: ""),
        [".jpg"] = new("image/jpeg", [Jpeg]),
        [".jpeg"] = new("image/jpeg", [Jpeg]),
        [".png"] = new("image/png", [Png]),
        [".tif"] = new("image/tiff", [TiffLittle, TiffBig]),
        [".tiff"] = new("image/tiff", [TiffLittle, TiffBig]),
    };

    /// <summary>
    /// What is wrong with <paramref name="content"/> as a file named <paramref name="fileName"/> (in Vietnamese), or null
    /// when it is what its extension says. The stream must be seekable; it is read from the start.
    /// </summary>
    public static ContentProblem? Inspect(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return new ContentProblem($"Định dạng «{extension}» không được chấp nhận.");
        }

        content.Position = 0;
        var header = new byte[HeaderLength];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var head = header.AsSpan(0, read);
        if (!StartsWithAny(head, kind.Signatures))
        {
            return new ContentProblem($"Nội dung tệp «{fileName}» không phải định dạng {extension} như tên tệp ghi.");
        }

        return kind.MainPart is not null ? InspectPackage(fileName, extension, kind.MainPart, content)
            : kind.Signatures[0] == Pdf ? InspectPdf(fileName, head, content)
            : null;
    }

    /// <summary>The Content-Type a stored file is served with, from its checked extension; never what the uploader declared.</summary>
    public static string MediaType(string fileName) =>
        Kinds.TryGetValue(Path.GetExtension(fileName ?? ""), out var kind) ? kind.MediaType : "application/octet-stream";

    private static ContentProblem? InspectPdf(string fileName, ReadOnlySpan<byte> head, Stream content)
    {
        // "%PDF-1.7" or "%PDF-2.0": a version, then the end of the line.
        if (head.Length < 9 || !char.IsAsciiDigit((char)head[5]) || head[6] != '.' || !char.IsAsciiDigit((char)head[7]) || head[8] is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or (byte)'%'))
        {
            return new ContentProblem($"Tệp «{fileName}» không phải PDF hợp lệ: thiếu phần đầu «%PDF-x.y».");
        }

        // What follows the header line must not be a program: "%PDF-1.7\nMZ..." is a PE wearing a PDF header.
        var afterHeader = head[8..];
        var lineEnd = afterHeader.IndexOfAny((byte)'\r', (byte)'\n');
        if (lineEnd >= 0)
        {
            var body = afterHeader[lineEnd..].TrimStart("\r\n"u8);
            if (StartsWithAny(body, Executables))
            {
                return Executable(fileName);
            }
        }

        var tail = new byte[TrailerLength];
        content.Position = Math.Max(0, content.Length - TrailerLength);
        var tailRead = content.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);
        if (tail.AsSpan(0, tailRead).IndexOf(PdfEnd) < 0)
        {
            return new ContentProblem($"Tệp «{fileName}» không phải PDF hoàn chỉnh: thiếu phần kết «%%EOF» (tệp bị cắt hoặc bị ghép thêm dữ liệu).");
        }

        return ContainsProgram(content) ? Executable(fileName) : null;
    }

    /// <summary>A streaming search for a Windows DOS stub or an ELF identification anywhere in the file.</summary>
    private static bool ContainsProgram(Stream content)
    {
        var overlap = DosStub.Length;
        var buffer = new byte[64 * 1024 + overlap];
        var kept = 0;
        content.Position = 0;
        int read;
        while ((read = content.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var window = buffer.AsSpan(0, kept + read);
            if (window.IndexOf(DosStub) >= 0 || ContainsAny(window, ElfIdents))
            {
                return true;
            }

            kept = Math.Min(overlap, window.Length);
            window[^kept..].CopyTo(buffer);
        }

        return false;
    }

    private static ContentProblem? InspectPackage(string fileName, string extension, string mainPart, Stream content)
    {
        // The end-of-central-directory record gives the entry count before the archive allocates one object per entry.
        if (DeclaredEntries(content) is not { } declared)
        {
            return NotPackage(fileName, extension);
        }

        if (declared > MaxEntries)
        {
            return TooManyEntries(fileName);
        }

        try
        {
            content.Position = 0;
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries;
            if (entries.Count > MaxEntries)
            {
                return TooManyEntries(fileName);
            }

            if (mainPart.Length > 0 && (archive.GetEntry("[Content_Types].xml") is null || archive.GetEntry(mainPart) is null))
            {
                return NotPackage(fileName, extension);
            }

            // The sizes the archive declares: a bomb is refused without inflating it.
            if (entries.Sum(e => e.Length) > MaxExpandedBytes)
            {
                return Expanded(fileName);
            }

            // Inflating stops at the declared size, so a header that understates it would pass here and explode in
            // the operator's Word. Deflate never grows data by more than a few bytes per block: more compressed bytes
            // than that over the declared size is a lie.
            if (entries.Any(e => e.CompressedLength > e.Length + (e.Length / 64) + 1024))
            {
                return NotPackage(fileName, extension);
            }

            // Every entry is inflated once, counting: a corrupt stream or a program inside is refused too.
            var expanded = 0L;
            var buffer = new byte[81920];
            foreach (var entry in entries)
            {
                using var stream = entry.Open();
                var first = true;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (first && StartsWithAny(buffer.AsSpan(0, read), Executables))
                    {
                        return Executable(fileName);
                    }

                    first = false;
                    expanded += read;
                    if (expanded > MaxExpandedBytes)
                    {
                        return Expanded(fileName);
                    }
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            // Corrupt, encrypted or using a compression method .NET cannot read: nobody can check it, so nobody gets it.
            return NotPackage(fileName, extension);
        }
    }

    /// <summary>The entry count of the end-of-central-directory record; null without one, or for ZIP64 (never needed at our sizes).</summary>
    private static int? DeclaredEntries(Stream content)
    {
        // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
        const int record = 22;
        var length = (int)Math.Min(content.Length, record + ushort.MaxValue);
        var tail = new byte[length];
        content.Position = content.Length - length;
        content.ReadExactly(tail);
        for (var at = length - record; at >= 0; at--)
        {
            if (tail.AsSpan(at).StartsWith(EmptyZip))
            {
                var total = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
                return total == ushort.MaxValue ? null : total;
            }
        }

        return null;
    }

    private static bool StartsWithAny(ReadOnlySpan<byte> data, byte[][] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (data.StartsWith(prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<byte> data, byte[][] needles)
    {
        foreach (var needle in needles)
        {
            if (data.IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ContentProblem NotPackage(string fileName, string extension) =>
        new(extension.Equals(".zip", StringComparison.OrdinalIgnoreCase)
            ? $"Tệp «{fileName}» không phải tệp nén ZIP đọc được (hỏng, có mật khẩu hoặc nén theo cách không hỗ trợ)."
            : $"Tệp «{fileName}» không phải tài liệu {extension} hợp lệ: không mở được như một gói Office Open XML.");

    private static ContentProblem Expanded(string fileName) =>
        new($"Tệp «{fileName}» khi giải nén vượt quá {MaxExpandedBytes / (1024 * 1024)} MB; không nhận tệp nén bất thường.", TooLarge: true);

    private static ContentProblem TooManyEntries(string fileName) =>
        new($"Tệp «{fileName}» có quá {MaxEntries.ToString("N0", ApiText.Culture)} thành phần; không nhận tệp nén bất thường.", TooLarge: true);

    private static ContentProblem Executable(string fileName) =>
        new($"Tệp «{fileName}» có chứa chương trình chạy được; không nhận.");

    /// <summary>A checked type: its media type, its possible first bytes, and for packages the part that must be inside ("" for any ZIP).</summary>
    private sealed record Kind(string MediaType, byte[][] Signatures, string? MainPart = null);
}
