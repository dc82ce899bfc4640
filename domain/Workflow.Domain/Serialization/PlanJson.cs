using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Domain.Serialization;

/// <summary>The JSON shape of plans (schemas/plan.schema.json): camelCase properties, kebab-case enum values.</summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a plan; a malformed document yields one error naming the JSON path and what is wrong.</summary>
    public static PlanReadResult Read(string json)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<Plan>(json, Options);
            if (plan is null)
            {
                return new PlanReadResult(null, [new PlanError("$", "Tệp kế hoạch rỗng.")]);
            }

            // The serializer's nullable annotations do not reach list elements: a [null] would become a null record the
            // validator and the cycle trip over, so any null inside an array is refused here, by its path.
            var nulls = new List<PlanError>();
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                FindNullElements(document.RootElement, "$", nulls);
            }

            return nulls.Count > 0 ? new PlanReadResult(null, nulls) : new PlanReadResult(plan, []);
        }
        catch (JsonException ex)
        {
            return new PlanReadResult(null, [new PlanError(ex.Path ?? "$", Describe(ex))]);
        }
    }

    public static string Write(Plan plan) => JsonSerializer.Serialize(plan, Options);

    private static void FindNullElements(JsonElement element, string path, List<PlanError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    FindNullElements(property.Value, $"{path}.{property.Name}", errors);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        errors.Add(new PlanError($"{path}[{i}]", "Phần tử rỗng (null) không được phép trong danh sách."));
                    }
                    else
                    {
                        FindNullElements(item, $"{path}[{i}]", errors);
                    }

                    i++;
                }

                break;
        }
    }

    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $" (dòng {line + 1}, cột {ex.BytePositionInLine + 1})" : string.Empty;
        var message = ex.Message;
        if (message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            return $"Thiếu trường bắt buộc{where}: {Tail(message)}";
        }

        if (message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
        {
            return $"Trường không được hỗ trợ{where}.";
        }

        return $"Giá trị không hợp lệ{where}.";
    }

    private static string Tail(string message)
    {
        var start = message.IndexOf(':', StringComparison.Ordinal);
        return start < 0 ? message : message[(start + 1)..].Trim().TrimEnd('.');
    }
}
