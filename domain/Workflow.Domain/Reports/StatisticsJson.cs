using System.Text.Json;

namespace Workflow.Domain.Reports;

/// <summary>The JSON shape of reported statistics: {"forms": {"bieu-01": {"so-vu": {"number": 3}}}}.</summary>
public static class StatisticsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
}
