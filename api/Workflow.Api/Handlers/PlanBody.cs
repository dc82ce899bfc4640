using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Workflow.Api.Http;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Api.Handlers;

/// <summary>
/// The body of the plan editor's requests: the plan as it stands, one JSON object (application/json, UTF-8), which need
/// not be a plan that reads or validates yet; that is what the editor is asking about.
/// </summary>
internal static class PlanBody
{
    /// <summary>What plan files may hold (<see cref="PlanJson"/>): comments and trailing commas.</summary>
    public static JsonDocumentOptions Options { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static async Task<(PlanRequest? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblems.UnsupportedType("body", "Nội dung phải là kế hoạch dạng JSON (Content-Type: application/json)."));
        }

        // Bounded by the host's request body limit (413 beyond it).
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (!Utf8.IsValid(bytes))
        {
            var notUtf8 = ApiJson.NotUtf8("body");
            return (null, ApiProblems.BadRequest(notUtf8.Field, notUtf8.Message));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (dòng {line + 1}, cột {ex.BytePositionInLine + 1})" : "";
            return (null, ApiProblems.BadRequest("body", $"Nội dung không phải JSON hợp lệ{where}."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiProblems.BadRequest("body", "Nội dung phải là một kế hoạch: một đối tượng JSON ({ … })."));
        }

        try
        {
            // "\ud800" (half a surrogate pair) parses, but no serializer can write it back: a draft holding it could never be read.
            using var writer = new Utf8JsonWriter(Stream.Null);
            root.WriteTo(writer);
        }
        catch (InvalidOperationException)
        {
            return (null, ApiProblems.BadRequest("body", "Nội dung có chuỗi ký tự không hợp lệ (nửa cặp surrogate UTF-16, ví dụ \\ud800)."));
        }

        return (new PlanRequest(bytes, Encoding.UTF8.GetString(bytes), root), null);
    }

    /// <summary>The plan and what is wrong with it: why it does not read, or else every validation error.</summary>
    public static (Plan? Plan, IReadOnlyList<PlanError> Errors) Check(string text)
    {
        var read = PlanJson.Read(text);
        return read.Plan is { } plan ? (plan, PlanValidator.Validate(plan)) : (null, read.Errors);
    }

    public static List<FieldError> Fields(IEnumerable<PlanError> errors) => [.. errors.Select(e => new FieldError(e.Path, e.Message))];

    /// <summary>A top-level text member of the body ("id", "title"), when it holds one.</summary>
    public static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
}
