using Spectre.Console;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The console the result tables are written to: colour only on a terminal, and wide enough that
/// long outcome names do not wrap when output is redirected to a file.
/// </summary>
internal static class TableConsole
{
    public static IAnsiConsole For(TextWriter output, bool colour, int minimumWidth)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, minimumWidth);
        return console;
    }
}
