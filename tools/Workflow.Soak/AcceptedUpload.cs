using System.Text.Json;

namespace Workflow.Soak;

/// <summary>A file the host answered 2xx for, as its receipt says: it must still be there, counted and receipted at the end.</summary>
internal sealed record AcceptedUpload(string Unit, string Subject, string Receipt, int Version, string Sha256)
{
    /// <summary>The files of a 201 answer: a report receipt, or a nomination receipt with one entry per file.</summary>
    public static IEnumerable<AcceptedUpload> From(string unit, string subject, string body)
    {
        using var receipt = JsonDocument.Parse(body);
        var root = receipt.RootElement;
        var files = root.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [root];
        return [.. files.Select(f => new AcceptedUpload(unit, subject, f.GetProperty("receiptNumber").GetString()!, f.GetProperty("version").GetInt32(), f.GetProperty("sha256").GetString()!))];
    }
}
