using System.Globalization;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// Column widths that fit a sheet's contents, in Excel's units (characters of the default font):
/// the widest cell as shown in its number format, plus padding, between 6 and 60.
/// </summary>
internal sealed class ColumnWidths
{
    private const double Padding = 2;
    private const double Narrowest = 6;
    private const double Widest = 60;

    private readonly List<double> _chars = [];

    /// <summary>Widens column <paramref name="column"/> to fit <paramref name="cell"/>, shown in <paramref name="columnFormat"/> unless it has its own.</summary>
    public void Fit(int column, SheetCell cell, string? columnFormat, bool bold = false)
    {
        if (cell.IsBlank)
        {
            return;
        }
        var number = cell.NumberText is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : cell.Number;
        var shown = cell.Text ?? Shown(number, cell.Format ?? columnFormat);
        Fit(column, shown.Length * (bold ? 1.1 : 1.0));
    }

    /// <summary>Widens every column to fit the cells of <paramref name="row"/>.</summary>
    public void Fit(SheetRow row, IReadOnlyList<string?> columnFormats)
    {
        for (var c = 0; c < row.Cells.Count; c++)
        {
            Fit(c, row.Cells[c], c < columnFormats.Count ? columnFormats[c] : null, row.Bold);
        }
    }

    /// <summary>Widens column <paramref name="column"/> to fit <paramref name="characters"/> characters.</summary>
    public void Fit(int column, double characters)
    {
        while (_chars.Count <= column)
        {
            _chars.Add(0);
        }
        _chars[column] = Math.Max(_chars[column], characters);
    }

    /// <summary>The widths, one per column seen.</summary>
    public IReadOnlyList<double> Widths => [.. _chars.Select(c => Math.Clamp(Math.Ceiling(c + Padding), Narrowest, Widest))];

    // Excel's number formats used here (#,##0, "£"#,##0.00, 0.0%) are also .NET custom formats that show the same text.
    private static string Shown(double x, string? format) =>
        format is null ? x.ToString("G10", CultureInfo.InvariantCulture)
        : format == SheetCell.DateFormat ? SheetCell.Date(x).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : x.ToString(format, CultureInfo.InvariantCulture);
}
