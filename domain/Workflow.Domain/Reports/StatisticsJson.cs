using System.Text.Json;

namespace Workflow.Domain.Reports;

/// <summary>The JSON shape of reported statistics: {"forms": {"bieu-01": {"so-vu": {"number": 3}}}}.</summary>
public static class StatisticsJson
{
    /// <summary>Unknown members and a null where a value is required (<c>"forms": null</c>) are refused while reading.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };
}
