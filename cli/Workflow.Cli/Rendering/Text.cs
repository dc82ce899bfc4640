namespace Workflow.Cli.Rendering;

internal static class Text
{
    /// <summary>Pads or cuts to exactly <paramref name="width"/> characters, marking a cut with an ellipsis.</summary>
    public static string Fit(string? value, int width)
    {
        value ??= "";
        return value.Length <= width ? value.PadRight(width) : value[..(width - 1)] + "…";
    }
}
