using Workflow.Api.Http;
using Workflow.Domain.Reports;

namespace Workflow.Api.Handlers;

/// <summary>
/// A file is refused before anything is written: too large, or expanding beyond the package limits (413), no usable name
/// (400), a type not allowed or content that is not what its extension says (415). See <see cref="ContentSniffer"/>.
/// </summary>
internal static class UploadChecks
{
    public static async Task<IResult?> CheckAsync(IFormFile file, string field, StorageOptions limits, CancellationToken cancellationToken)
    {
        // First, so no message below quotes a forged name.
        if (FileNameSanitizer.Refusal(file.FileName) is { } refusal)
        {
            return ApiProblems.BadRequest(field, $"Tệp không được tiếp nhận: {refusal}");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return ApiProblems.TooLarge(field, $"Tệp «{file.FileName}» vượt quá dung lượng tối đa {limits.MaxFileBytes / (1024 * 1024.0):0.#} MB.");
        }

        if (file.Length == 0)
        {
            return ApiProblems.BadRequest(field, $"Tệp «{file.FileName}» rỗng (0 byte).");
        }

        if (FileNameSanitizer.Sanitize(file.FileName) is not { } name)
        {
            return ApiProblems.BadRequest(field, "Tệp không có tên hợp lệ.");
        }

        var extension = Path.GetExtension(name);
        if (!limits.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedType(field, $"Định dạng «{extension}» không được chấp nhận; chỉ nhận {string.Join(", ", limits.AllowedExtensions)}.");
        }

        // The form reader has buffered the whole body (in memory or a temporary file), so the file's stream can seek.
        await using var stream = file.OpenReadStream();
        if (ContentSniffer.Inspect(name, stream) is { } problem)
        {
            return problem.TooLarge ? ApiProblems.TooLarge(field, problem.Message) : ApiProblems.UnsupportedType(field, problem.Message);
        }

        return null;
    }

    /// <summary>
    /// An operator's template, its body read whole: empty (400), a type not allowed or content that is not what its
    /// extension says (415), expanding beyond the package limits (413). The name is one the plan declares.
    /// </summary>
    public static IResult? CheckTemplate(string fileName, byte[] content, string field, StorageOptions limits)
    {
        if (content.Length == 0)
        {
            return ApiProblems.BadRequest(field, $"Tệp «{fileName}» rỗng (0 byte).");
        }

        var extension = Path.GetExtension(fileName);
        if (!limits.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedType(field, $"Định dạng «{extension}» không được chấp nhận; chỉ nhận {string.Join(", ", limits.AllowedExtensions)}.");
        }

        using var stream = new MemoryStream(content, writable: false);
        if (ContentSniffer.Inspect(fileName, stream) is { } problem)
        {
            return problem.TooLarge ? ApiProblems.TooLarge(field, problem.Message) : ApiProblems.UnsupportedType(field, problem.Message);
        }

        return null;
    }

    /// <summary>A raw body of at most <paramref name="limit"/> bytes; null when it is longer (declared or sent), read no further.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string Megabytes(long bytes) => $"{bytes / (1024 * 1024.0):0.#} MB";

    /// <summary>The request must be multipart/form-data; reading it enforces the configured body and multipart limits.</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, ApiProblems.UnsupportedType("body", "Yêu cầu phải gửi dạng multipart/form-data."));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException ex) when (!ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Malformed());
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A body that ends inside a part ("Unexpected end of Stream"); Kestrel's own limits stay 413 and 408.
            return (null, Malformed());
        }
        catch (InvalidOperationException)
        {
            // "multipart/form-data" without a boundary, or with one longer than the reader accepts.
            return (null, Malformed());
        }

    }

    private static IResult Malformed() =>
        ApiProblems.BadRequest("body", "Nội dung multipart/form-data bị hỏng (thiếu hoặc sai ranh giới «boundary», phần bị cắt ngang); gửi lại từ trình duyệt hoặc công cụ tải lên.");

    public static IResult Late(UploadResult result, string field) =>
        ApiProblems.Conflict(result.Errors.FirstOrDefault() ?? "Quá thời hạn, hồ sơ không được tiếp nhận.", [.. result.Errors.Select(e => new FieldError(field, e))]);

    /// <summary>Each file's errors name its own part: a filled form's «form:{id}», otherwise <paramref name="fileField"/>.</summary>
    public static IResult Refused(SubmissionResult result, string fileField) =>
        ApiProblems.BadRequest(
            "Hồ sơ không được tiếp nhận; sửa các lỗi dưới đây rồi gửi lại.",
            [
                .. result.Problems.Select(p => new FieldError(p.Field, p.Message)),
                .. result.Files.SelectMany(f => f.Errors.Select(e => new FieldError(f.Form is { } form ? FormFiles.PartName(form) : fileField, e))),
            ]);
}
