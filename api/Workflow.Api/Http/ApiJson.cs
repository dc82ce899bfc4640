using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Api.Http;

/// <summary>The API's JSON: camelCase, enums as kebab-case strings like the plan files ("on-time", "accept-and-mark-late").</summary>
public static class ApiJson
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        // Request documents only: unknown members, and null where the type says a value is required, are refused by name.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
        };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a JSON request body; an empty body is allowed when <paramref name="optional"/>.</summary>
    public static async Task<(T? Value, FieldError? Error)> ReadBodyAsync<T>(HttpRequest request, bool optional = false, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        string json;
        try
        {
            json = await ReadUtf8Async(request.Body, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return (null, NotUtf8("body"));
        }

        return optional && string.IsNullOrWhiteSpace(json) ? (null, null) : Read<T>(json, "body");
    }

    /// <summary>
    /// A request body as UTF-8 (RFC 8259 requires it for JSON), strictly: invalid bytes throw
    /// <see cref="DecoderFallbackException"/> instead of becoming U+FFFD, and a UTF-16 byte order mark is not followed.
    /// </summary>
    public static async Task<string> ReadUtf8Async(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var reader = new StreamReader(body, Strict, detectEncodingFromByteOrderMarks: false);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public static FieldError NotUtf8(string field) => new(field, $"«{field}» không phải văn bản UTF-8 hợp lệ.");

    /// <summary>Reads a request document; a malformed one yields the JSON path at fault under <paramref name="field"/>.</summary>
    public static (T? Value, FieldError? Error) Read<T>(string? json, string field, JsonSerializerOptions? options = null)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, new FieldError(field, $"Thiếu nội dung «{field}» (JSON)."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(json, options ?? Options);
            return value is null ? (null, new FieldError(field, $"«{field}» rỗng.")) : (value, null);
        }
        catch (JsonException ex)
        {
            // "$.newDeadline.date" under "body" names the field itself: "newDeadline.date".
            var path = ex.Path is { Length: > 2 } p ? (field == "body" ? p[2..] : field + p[1..]) : field;
            var where = ex.LineNumber is { } line ? $" (dòng {line + 1}, cột {ex.BytePositionInLine + 1})" : "";
            return (null, new FieldError(path, $"JSON của «{field}» không hợp lệ{where}."));
        }
    }
}
