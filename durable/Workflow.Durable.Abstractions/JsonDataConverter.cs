using System.Text.Json;

namespace Workflow.Durable;

/// <summary>The one serializer for inputs, outputs, events and custom status (camelCase JSON).</summary>
public sealed class JsonDataConverter
{
    private readonly JsonSerializerOptions _options;

    public JsonDataConverter(JsonSerializerOptions? options = null)
    {
        _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    public static JsonDataConverter Default { get; } = new();

    public string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), _options);

    public object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        return data is null ? null : JsonSerializer.Deserialize(data, targetType, _options);
    }

    public T? Deserialize<T>(string? data) => data is null ? default : JsonSerializer.Deserialize<T>(data, _options);
}
