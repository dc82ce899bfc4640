using System.Text.Encodings.Web;
using System.Text.Json;

namespace Workflow.Cli.Rendering;

/// <summary>--json: the API's answer, indented, on stdout and nothing else, for scripts.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Write(string body, TextWriter output)
    {
        using var json = JsonDocument.Parse(body);
        output.WriteLine(JsonSerializer.Serialize(json.RootElement, Indented));
        return 0;
    }
}
