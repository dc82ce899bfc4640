using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>A file is refused before anything is written: too large (413), no usable name (400), a type not allowed or content not matching its extension (415).</summary>
internal static class UploadChecks
{
    public static async Task<IResult?> CheckAsync(IFormFile file, string field, StorageOptions limits, CancellationToken cancellationToken)
    {
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

        var header = new byte[ContentSniffer.HeaderLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (!ContentSniffer.Matches(extension, header.AsSpan(0, read)))
        {
            return ApiProblems.UnsupportedType(field, $"Nội dung tệp «{name}» không phải định dạng {extension} như tên tệp ghi.");
        }

        return null;
    }

    /// <summary>The request must be multipart/form-data; reading it enforces the configured body and multipart limits.</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, ApiProblems.UnsupportedType("body", "Yêu cầu phải gửi dạng multipart/form-data."));
        }

        return (await request.ReadFormAsync(cancellationToken), null);
    }

    public static IResult Late(UploadResult result, string field) =>
        ApiProblems.Conflict(result.Errors.FirstOrDefault() ?? "Quá thời hạn, hồ sơ không được tiếp nhận.", [.. result.Errors.Select(e => new FieldError(field, e))]);

    public static IResult Refused(SubmissionResult result, string fileField) =>
        ApiProblems.BadRequest(
            "Hồ sơ không được tiếp nhận; sửa các lỗi dưới đây rồi gửi lại.",
            [.. result.Problems.Select(p => new FieldError(p.Field, p.Message)), .. result.Files.SelectMany(f => f.Errors.Select(e => new FieldError(fileField, e)))]);
}
