using System.Text.Json;

namespace Workflow.Cli.Api;

/// <summary>Reads an error response body into a <see cref="Problem"/>, whatever shape it has.</summary>
internal static class ProblemReader
{
    public static Problem Read(int status, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new Problem(status, null, null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Problem(status, null, body.Trim(), []);
            }

            return new Problem(status, Text(root, "title"), Text(root, "detail"), Errors(root));
        }
        catch (JsonException)
        {
            return new Problem(status, null, body.Trim(), []);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Our handlers send <c>errors: [{field, message}]</c>; ASP.NET's own model-binding failures send
    /// <c>errors: {field: [messages]}</c>. Both are shown.
    /// </summary>
    private static List<FieldError> Errors(JsonElement root)
    {
        var errors = new List<FieldError>();
        if (!root.TryGetProperty("errors", out var value))
        {
            return errors;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                errors.Add(new FieldError(Text(item, "field") ?? "", Text(item, "message") ?? ""));
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in value.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var message in field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String))
                {
                    errors.Add(new FieldError(field.Name, message.GetString()!));
                }
            }
        }

        return errors;
    }
}
