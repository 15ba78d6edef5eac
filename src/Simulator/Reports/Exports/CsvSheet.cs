using System.Globalization;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// A CSV file of the results folder as a sheet: the same header and cells (numbers as numbers, in
/// formats chosen from the column names), with a <c>COLUMN_name</c> column after each id column
/// that <paramref name="names"/> can name (pools, agreements, partners), a row of labels in words
/// above the header where <paramref name="label"/> gives them, and a note above both where a reader
/// needs one (which percentiles are P² estimates, which way a difference goes).
/// </summary>
/// <param name="path">The CSV file.</param>
/// <param name="names">The people's name of an id in a column, or null; for the id columns of risk-share files.</param>
/// <param name="note">A sentence for the row above the header, or null for none.</param>
/// <param name="label">The label of a column of the sheet's header (a <c>COLUMN_name</c> column's too), or null for no row of labels.</param>
internal sealed class CsvSheet(string path, ScenarioNames? names = null, string? note = null, Func<string, string>? label = null)
{
    /// <summary>
    /// Writes the sheet into <paramref name="part"/> with its note, its labels and a bold header row, all frozen.
    /// The labels wrap within columns as wide as the header and the cells (and the labels' longest words), so a long label does not widen its column.
    /// </summary>
    public void Write(Stream part, WorkbookStyles styles)
    {
        string[]? header = null;
        var text = Array.Empty<bool>();
        foreach (var row in CsvRows.Read(path))
        {
            if (header is null)
            {
                header = row;
                text = new bool[row.Length];
                continue;
            }
            for (var c = 0; c < row.Length && c < text.Length; c++)
            {
                text[c] |= row[c].Length > 0 && !double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            }
        }
        header ??= [];
        var named = header.Select(h => names?.Names(h) == true).ToArray();
        var pool = Array.IndexOf(header, "pool");
        var formats = new List<string?>();
        for (var c = 0; c < header.Length; c++)
        {
            formats.Add(text[c] ? null : ExportColumns.ExcelFormat(header[c]));
            if (named[c])
            {
                formats.Add(null);
            }
        }
        var widths = new ColumnWidths();
        foreach (var row in Rows(header, text, named, pool))
        {
            widths.Fit(row, formats);
        }
        var above = new List<SheetRow>();
        if (note is not null)
        {
            above.Add(new SheetRow([SheetCell.Of(note)]));
        }
        if (label is not null)
        {
            var labels = header.SelectMany((h, c) => named[c] ? [label(h), label(h + "_name")] : new[] { label(h) }).ToList();
            for (var c = 0; c < labels.Count; c++)
            {
                widths.Fit(c, labels[c].Split(' ').Max(w => w.Length) * 1.1);
            }
            above.Add(new SheetRow([.. labels.Select(SheetCell.Of)], Bold: true, Wrap: true));
        }
        SheetWriter.Write(part, styles, formats, widths.Widths, above.Count + 1, above.Concat(Rows(header, text, named, pool)));
    }

    private IEnumerable<SheetRow> Rows(string[] header, bool[] text, bool[] named, int pool)
    {
        var first = true;
        foreach (var row in CsvRows.Read(path))
        {
            var cells = new List<SheetCell>(row.Length + 3);
            for (var c = 0; c < row.Length; c++)
            {
                cells.Add(first || (c < text.Length && text[c]) ? SheetCell.Of(row[c]) : Number(row[c]));
                if (c < named.Length && named[c])
                {
                    cells.Add(SheetCell.Of(first ? header[c] + "_name" : names!.Name(header[c], row[c], pool >= 0 ? row[pool] : null)));
                }
            }
            yield return new SheetRow(cells, first);
            first = false;
        }
    }

    private static SheetCell Number(string field) =>
        field.Length == 0 ? SheetCell.Blank : SheetCell.Of(double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));
}
