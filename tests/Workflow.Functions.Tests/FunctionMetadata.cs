using System.Text.Json;

namespace Workflow.Functions.Tests;

/// <summary>One function as the Functions SDK declared it to the host in functions.metadata.</summary>
internal sealed record FunctionMetadata(string Name, string EntryPoint, string TriggerType, string? Route, IReadOnlyList<string> Methods)
{
    public static IReadOnlyList<FunctionMetadata> Load()
    {
        // The Functions project's own output folder; the copy the build puts next to this assembly when that folder is
        // elsewhere (an -o or artifacts output).
        string[] candidates = [Path.Combine(Repository.FunctionsOutput, "functions.metadata"), Path.Combine(AppContext.BaseDirectory, "functions.metadata")];
        var path = candidates.FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"No functions.metadata in {string.Join(" or ", candidates)}: the Functions SDK writes it when functions/Workflow.Functions is built.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(Parse)];
    }

    private static FunctionMetadata Parse(JsonElement function)
    {
        var triggers = function.GetProperty("bindings").EnumerateArray()
            .Where(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .ToList();
        var name = function.GetProperty("name").GetString()!;
        Assert.True(triggers.Count == 1, $"Function {name} has {triggers.Count} triggers.");
        var trigger = triggers[0];
        var methods = trigger.TryGetProperty("methods", out var list)
            ? list.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToList()
            : [];
        return new FunctionMetadata(
            name,
            function.GetProperty("entryPoint").GetString()!,
            trigger.GetProperty("type").GetString()!,
            trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
            methods);
    }
}
