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
            return plan is null
                ? new PlanReadResult(null, [new PlanError("$", "Tệp kế hoạch rỗng.")])
                : new PlanReadResult(plan, []);
        }
        catch (JsonException ex)
        {
            return new PlanReadResult(null, [new PlanError(ex.Path ?? "$", Describe(ex))]);
        }
    }

    public static string Write(Plan plan) => JsonSerializer.Serialize(plan, Options);

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
