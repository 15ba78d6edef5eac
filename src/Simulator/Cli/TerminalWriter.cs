using System.Text;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The standard output of <c>marketsim</c>, passed through unchanged, with the width in columns
/// that its result tables are laid out for (the terminal's, or 80 when redirected).
/// </summary>
internal sealed class TerminalWriter : TextWriter
{
    private readonly TextWriter _inner;

    public TerminalWriter(TextWriter inner, int width)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        Width = width;
        NewLine = inner.NewLine;
    }

    /// <summary>Columns available to a table.</summary>
    public int Width { get; }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>
    /// The width for tables written to <paramref name="output"/>: the terminal's when it is the
    /// console's stdout and that is a terminal, else <see cref="TableConsole.RedirectedWidth"/>.
    /// </summary>
    public static int Detect(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return TableConsole.RedirectedWidth;
        }
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : TableConsole.RedirectedWidth;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return TableConsole.RedirectedWidth;
        }
    }

    public override void Write(char value) => _inner.Write(value);

    public override void Write(string? value) => _inner.Write(value);

    public override void Write(char[] buffer, int index, int count) => _inner.Write(buffer, index, count);

    public override void WriteLine(string? value) => _inner.WriteLine(value);

    public override void WriteLine() => _inner.WriteLine();

    public override void Flush() => _inner.Flush();
}
