using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Api.Http;

/// <summary>The API's JSON: camelCase, enums as kebab-case strings like the plan files ("on-time", "accept-and-mark-late").</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a JSON request body; an empty body is allowed when <paramref name="optional"/>.</summary>
    public static async Task<(T? Value, FieldError? Error)> ReadBodyAsync<T>(HttpRequest request, bool optional = false, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        return optional && string.IsNullOrWhiteSpace(json) ? (null, null) : Read<T>(json, "body");
    }

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
