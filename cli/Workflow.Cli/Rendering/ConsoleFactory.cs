using Spectre.Console;

namespace Workflow.Cli.Rendering;

/// <summary>The Spectre console over a writer: colours and live redraws only on a terminal, wide lines elsewhere.</summary>
internal static class ConsoleFactory
{
    // Redirected output goes to scripts and logs: no escape codes, and tables not cut to 80 columns.
    private const int RedirectedWidth = 200;

    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
