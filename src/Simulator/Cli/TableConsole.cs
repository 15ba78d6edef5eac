using System.Text;
using Spectre.Console;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The console the result tables are written to: colour only on a terminal, and as wide as the
/// terminal, or <see cref="RedirectedWidth"/> columns when output is redirected or the width is unknown.
/// </summary>
internal static class TableConsole
{
    /// <summary>The width tables are laid out for when stdout is not a terminal.</summary>
    public const int RedirectedWidth = 80;

    public static IAnsiConsole For(TextWriter output, bool colour, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>
    /// The width for tables written to <paramref name="output"/>: the terminal's when it is the
    /// console's stdout and that is a terminal, else <see cref="RedirectedWidth"/>.
    /// </summary>
    public static int Detect(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return RedirectedWidth;
        }
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : RedirectedWidth;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return RedirectedWidth;
        }
    }

    /// <summary>Writes <paramref name="text"/> as lines of at most <paramref name="width"/> columns, broken between words (a longer word has a line of its own).</summary>
    public static void WriteWrapped(TextWriter output, string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                output.WriteLine(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            output.WriteLine(line.ToString());
        }
    }

    /// <summary>Writes <paramref name="table"/> laid out for <paramref name="console"/>'s width.</summary>
    public static void Write(this IAnsiConsole console, FittedTable table) => console.Write(table.Build(console.Profile.Width));
}
