using System.Text;
using MarketSim.Simulator.Reports;
using Spectre.Console;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// A result table laid out to fit a console <c>width</c> columns wide without ever splitting a
/// number. It prefers, in order: every column unwrapped; leaving out columns marked
/// <see cref="Drop.BeforeWrapping"/>; wrapping text at spaces, underscores, dots and slashes;
/// leaving out columns marked <see cref="Drop.ToFit"/> (rightmost first); and last, stacking the
/// figures of a number cell (wrapping only at the spaces between them).
/// A column added with <see cref="Whole"/> (an identifier) is split only after every number cell is stacked.
/// </summary>
internal sealed class FittedTable
{
    private readonly string? _title;
    private readonly List<Column> _columns = [];
    private readonly List<string[]> _rows = [];

    public FittedTable(string? title = null) => _title = title;

    /// <summary>When a column may be left out to make the table fit.</summary>
    public enum Drop
    {
        /// <summary>Always shown.</summary>
        Never,

        /// <summary>Left out only when the table cannot fit even with its text wrapped.</summary>
        ToFit,

        /// <summary>Left out rather than wrap the text of other columns.</summary>
        BeforeWrapping,
    }

    /// <summary>
    /// The table <paramref name="build"/> makes with numbers in full (its argument false) when it fits <paramref name="width"/>
    /// whole, otherwise the one it makes with compact numbers (true), for a table that chooses its compact form by unit (<see cref="Footing"/>).
    /// </summary>
    public static FittedTable Fitted(int width, Func<bool, FittedTable> build)
    {
        var full = build(false);
        return full.FitsWhole(width) ? full : build(true);
    }

    /// <summary>Adds a left-aligned text column (names, units, labels), which may wrap.</summary>
    public FittedTable Text(string header, Drop drop = Drop.Never) => Add(header, false, drop);

    /// <summary>Adds a right-aligned column of numbers, which are never split.</summary>
    public FittedTable Number(string header, Drop drop = Drop.Never) => Add(header, true, drop);

    /// <summary>
    /// Adds a left-aligned text column whose cells are split only when nothing else makes the table fit (identifiers a
    /// reader copies, such as an experiment id): other columns wrap or are left out first.
    /// </summary>
    public FittedTable Whole(string header, Drop drop = Drop.Never) => Add(header, false, drop, whole: true);

    /// <summary>Adds a row, one plain-text cell (no markup) per column.</summary>
    public void AddRow(params string[] cells) => _rows.Add(cells);

    /// <summary>Whether every column fits <paramref name="width"/> with nothing wrapped or left out.</summary>
    public bool FitsWhole(int width) => Total(_columns, c => c.Natural) <= width;

    /// <summary>The table laid out for a console <paramref name="width"/> columns wide.</summary>
    public Table Build(int width)
    {
        var (kept, widths) = Layout(width);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in kept)
        {
            table.AddColumn(new TableColumn(new Text(Wrap(c.Header, widths[c], c.IsNumber)) { Justification = c.IsNumber ? Justify.Right : Justify.Left })
            {
                Width = widths[c],
                NoWrap = c.IsNumber,
                Alignment = c.IsNumber ? Justify.Right : Justify.Left,
            });
        }
        foreach (var row in _rows)
        {
            table.AddRow(kept.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(Wrap(Cell(row, c), widths[c], c.IsNumber))
            {
                Justification = c.IsNumber ? Justify.Right : Justify.Left,
            }));
        }
        if (_title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(Wrap(_title, Math.Max(Total(kept, c => widths[c]), 20), true)));
        }
        return table;
    }

    private FittedTable Add(string header, bool isNumber, Drop drop, bool whole = false)
    {
        _columns.Add(new Column(this, _columns.Count, header, isNumber, drop, whole));
        return this;
    }

    private (List<Column> Kept, Dictionary<Column, int> Widths) Layout(int width)
    {
        // Whole: leave out columns that may go before anything wraps.
        var kept = _columns.ToList();
        while (Total(kept, c => c.Natural) > width && LastDroppable(kept, Drop.BeforeWrapping) is { } spare)
        {
            kept.Remove(spare);
        }
        if (Total(kept, c => c.Natural) <= width)
        {
            return (kept, kept.ToDictionary(c => c, c => c.Natural));
        }

        // Wrapped text, numbers whole: leave out droppable columns until the narrowest layout fits.
        kept = _columns.ToList();
        while (Total(kept, c => c.Narrow) > width
            && (LastDroppable(kept, Drop.BeforeWrapping) ?? LastDroppable(kept, Drop.ToFit)) is { } spare)
        {
            kept.Remove(spare);
        }
        var widths = kept.ToDictionary(c => c, c => Total(kept, k => k.Narrow) <= width ? c.Narrow : c.Narrowest);

        // Share what is left: first to put each identifier back on one line, then each number,
        // then to the text most wrapped, then to the headers of number columns.
        var spareColumns = width - Total(kept, c => widths[c]);
        foreach (var (eligible, target) in new (Func<Column, bool>, Func<Column, int>)[]
        {
            (c => c.IsWhole, c => c.Narrow),
            (c => c.IsNumber, c => c.Narrow),
            (c => !c.IsNumber, c => c.Natural),
            (c => c.IsNumber, c => c.Natural),
        })
        {
            while (spareColumns > 0 && kept.Where(c => eligible(c) && widths[c] < target(c)).MaxBy(c => target(c) - widths[c]) is { } grow)
            {
                widths[grow]++;
                spareColumns--;
            }
        }
        return (kept, widths);
    }

    private static Column? LastDroppable(List<Column> kept, Drop drop) =>
        kept.Count > 1 ? kept.LastOrDefault(c => c.Drop == drop) : null;

    // A rounded border with one space of padding each side: "│ a │ b │".
    private static int Total(IReadOnlyCollection<Column> columns, Func<Column, int> width) =>
        columns.Sum(width) + (3 * columns.Count) + 1;

    private static string Cell(string[] row, Column c) => c.Index < row.Length ? row[c.Index] : "";

    /// <summary>
    /// <paramref name="text"/> broken into lines of at most <paramref name="width"/> characters:
    /// at spaces only when <paramref name="spacesOnly"/>, else also after _ . / - that are not
    /// between two digits. A piece longer than the width is cut only as a last resort.
    /// </summary>
    internal static string Wrap(string text, int width, bool spacesOnly)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var piece in Pieces(text, spacesOnly))
        {
            if (line.Length > 0 && (line + piece).TrimEnd().Length > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }
            var rest = piece;
            while (rest.TrimEnd().Length > width)
            {
                lines.Add(rest[..width]);
                rest = rest[width..];
            }
            line.Append(rest);
        }
        lines.Add(line.ToString().TrimEnd());
        return string.Join('\n', lines);
    }

    // The unbreakable pieces of text, each with the space or separator that ends it.
    private static IEnumerable<string> Pieces(string text, bool spacesOnly)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            // Spaces break, except after ± and inside a ratio such as "53 : 18".
            var breakAfter = text[i] == ' ' ? next is not (' ' or ':') && !(i >= 1 && text[i - 1] == '±') && !(i >= 2 && text[i - 1] == ':' && text[i - 2] == ' ')
                : !spacesOnly && text[i] is '_' or '.' or '/' or '-' && next != text[i] && next != ' '
                    && !(i > 0 && char.IsDigit(text[i - 1]) && char.IsDigit(next));
            if (breakAfter || i == text.Length - 1)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
    }

    private static int Longest(string text, bool spacesOnly) =>
        Pieces(text, spacesOnly).Select(p => p.TrimEnd().Length).DefaultIfEmpty(0).Max();

    private sealed class Column(FittedTable table, int index, string header, bool isNumber, Drop drop, bool whole)
    {
        public int Index => index;

        public string Header => header;

        public bool IsNumber => isNumber;

        public bool IsWhole => whole;

        public Drop Drop => drop;

        /// <summary>Wide enough for the header and every cell on one line.</summary>
        public int Natural => Math.Max(header.Length, Cells.Max(c => (int?)c.Length) ?? 0);

        /// <summary>Text wrapped, numbers whole, the header wrapped at spaces.</summary>
        public int Narrow => Math.Max(Longest(header, true), isNumber || whole ? Cells.Max(c => (int?)c.Length) ?? 0 : Cells.Max(c => (int?)Longest(c, false)) ?? 0);

        /// <summary>Text wrapped, number cells stacked one figure a line.</summary>
        public int Narrowest => Math.Max(Longest(header, true), Cells.Max(c => (int?)Longest(c, isNumber)) ?? 0);

        private IEnumerable<string> Cells => table._rows.Select(r => Cell(r, this));
    }
}
