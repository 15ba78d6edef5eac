using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// Writes one worksheet of results.xlsx element by element (OpenXmlWriter), so a sheet of a million
/// rows never sits in memory: column widths, a frozen header, then the rows with their number formats.
/// Numbers are written in their shortest round-trip form, text as inline strings.
/// </summary>
internal static class SheetWriter
{
    /// <summary>Excel's most rows in one sheet.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Writes a worksheet part into <paramref name="part"/>, and closes it.</summary>
    /// <param name="part">The part's stream (<see cref="XlsxPackage.NextSheet"/>).</param>
    /// <param name="styles">The workbook's styles.</param>
    /// <param name="columnFormats">Each column's number format (null: General).</param>
    /// <param name="widths">Each column's width, in characters.</param>
    /// <param name="frozenRows">Header rows kept in view while scrolling.</param>
    /// <param name="rows">The rows, from row 1.</param>
    public static void Write(Stream part, WorkbookStyles styles, IReadOnlyList<string?> columnFormats, IReadOnlyList<double> widths, int frozenRows, IEnumerable<SheetRow> rows)
    {
        using var stream = part;
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        if (frozenRows > 0)
        {
            var topLeft = $"A{frozenRows + 1}";
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { WorkbookViewId = 0 }));
        }
        if (widths.Count > 0)
        {
            writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }
        writer.WriteStartElement(new SheetData());
        var letters = new List<string>();
        var elements = new Elements();
        var cellStyles = new Dictionary<(string?, bool), uint>();
        var rowIndex = 0;
        foreach (var row in rows)
        {
            rowIndex++;
            var r = rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(elements.Row, [new OpenXmlAttribute("r", "", r)]);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                if (cell.IsBlank)
                {
                    continue;
                }
                while (letters.Count <= c)
                {
                    letters.Add(Letters(letters.Count));
                }
                var format = cell.Text is null ? cell.Format ?? (c < columnFormats.Count ? columnFormats[c] : null) : null;
                if (!cellStyles.TryGetValue((format, row.Bold), out var style))
                {
                    style = styles.Of(format, row.Bold);
                    cellStyles.Add((format, row.Bold), style);
                }
                WriteCell(writer, elements, letters[c] + r, style, cell);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The letters of the 0-based column <paramref name="column"/>: A, …, Z, AA, ….</summary>
    public static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    private static void WriteCell(OpenXmlWriter writer, Elements elements, string reference, uint style, SheetCell cell)
    {
        var attributes = elements.Attributes;
        attributes.Clear();
        attributes.Add(new("r", "", reference));
        if (style != 0)
        {
            attributes.Add(new("s", "", style.ToString(CultureInfo.InvariantCulture)));
        }
        if (cell.Text is { } text)
        {
            attributes.Add(new("t", "", "inlineStr"));
            writer.WriteStartElement(elements.Cell, attributes);
            writer.WriteStartElement(elements.InlineString);
            writer.WriteStartElement(elements.Text, elements.Preserve);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteStartElement(elements.Cell, attributes);
            writer.WriteStartElement(elements.CellValue);
            writer.WriteString(cell.NumberText ?? Numbers.Exact(cell.Number));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    // One instance of each element for every cell: the writer takes only their names from them.
    private sealed class Elements
    {
        public Row Row { get; } = new();

        public Cell Cell { get; } = new();

        public CellValue CellValue { get; } = new();

        public InlineString InlineString { get; } = new();

        public Text Text { get; } = new();

        public List<OpenXmlAttribute> Attributes { get; } = new(3);

        public OpenXmlAttribute[] Preserve { get; } = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    }
}
