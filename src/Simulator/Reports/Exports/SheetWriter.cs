using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// Writes one worksheet of results.xlsx element by element, so a sheet of a million rows never sits in
/// memory: column widths, a frozen header, then the rows with their number formats. Numbers are written
/// in their shortest round-trip form, text as inline strings. A plain <see cref="XmlWriter"/> rather than
/// the SDK's OpenXmlWriter: on a Runs sheet of 10,000 runs the SDK's writer took most of results.xlsx's time.
/// A cell carries its reference (<c>r="C7"</c>) only after a blank: the format makes the reference optional
/// for a cell that follows the one before it, and leaving it out makes the Runs sheet's XML a quarter
/// shorter, which is a third less to compress and a third smaller a file. A row's number cells go to the
/// writer as one piece of markup (<see cref="XmlWriter.WriteRaw(char[], int, int)"/>): written element by element,
/// they made a 10,000-run Doncaster workbook take 256 ms rather than 200.
/// </summary>
internal static class SheetWriter
{
    /// <summary>Excel's most rows in one sheet.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Excel's most columns in one sheet (A to XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The namespace of a worksheet's elements (SpreadsheetML).</summary>
    internal const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    /// <summary>Writes a worksheet part into <paramref name="part"/>, and closes it.</summary>
    /// <param name="part">The part's stream (<see cref="XlsxPackage.NextSheet"/>).</param>
    /// <param name="styles">The workbook's styles.</param>
    /// <param name="columnFormats">Each column's number format (null: General).</param>
    /// <param name="widths">Each column's width, in characters.</param>
    /// <param name="frozenRows">Header rows kept in view while scrolling.</param>
    /// <param name="rows">The rows, from row 1.</param>
    public static void Write(Stream part, WorkbookStyles styles, IReadOnlyList<string?> columnFormats, IReadOnlyList<double> widths, int frozenRows, IEnumerable<SheetRow> rows)
    {
        using var writer = XmlWriter.Create(part, Settings);
        writer.WriteStartDocument(true);
        writer.WriteStartElement("worksheet", Namespace);
        if (frozenRows > 0)
        {
            var topLeft = $"A{frozenRows + 1}";
            writer.WriteStartElement("sheetViews", Namespace);
            writer.WriteStartElement("sheetView", Namespace);
            writer.WriteAttributeString("workbookViewId", "0");
            writer.WriteStartElement("pane", Namespace);
            writer.WriteAttributeString("ySplit", frozenRows.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("topLeftCell", topLeft);
            writer.WriteAttributeString("activePane", "bottomLeft");
            writer.WriteAttributeString("state", "frozen");
            writer.WriteEndElement();
            writer.WriteStartElement("selection", Namespace);
            writer.WriteAttributeString("pane", "bottomLeft");
            writer.WriteAttributeString("activeCell", topLeft);
            writer.WriteAttributeString("sqref", topLeft);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        if (widths.Count > 0)
        {
            writer.WriteStartElement("cols", Namespace);
            for (var i = 0; i < widths.Count; i++)
            {
                var column = (i + 1).ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement("col", Namespace);
                writer.WriteAttributeString("min", column);
                writer.WriteAttributeString("max", column);
                writer.WriteAttributeString("width", widths[i].ToString("R", CultureInfo.InvariantCulture));
                writer.WriteAttributeString("customWidth", "1");
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        writer.WriteStartElement("sheetData", Namespace);
        var cellStyles = new CellStyles(styles, columnFormats);
        var raw = new RawCells();
        var rowIndex = 0;
        foreach (var row in rows)
        {
            rowIndex++;
            var r = rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement("row", Namespace);
            writer.WriteAttributeString("r", r);
            var next = 0;
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                if (cell.IsBlank)
                {
                    continue;
                }
                var style = cellStyles.Of(cell, c, row.Bold, row.Wrap);
                var letters = c == next ? null : Letters(c);
                if (cell.Text is not null || !raw.TryAdd(letters, r, style, cell.NumberText ?? Numbers.Exact(cell.Number)))
                {
                    raw.Flush(writer);
                    WriteCell(writer, letters, r, style, cell);
                }
                next = c + 1;
            }
            raw.Flush(writer);
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

    /// <summary>Writes one cell; its reference only when <paramref name="letters"/> is given (the cell does not follow the one before it).</summary>
    private static void WriteCell(XmlWriter writer, string? letters, string row, string? style, SheetCell cell)
    {
        writer.WriteStartElement("c", Namespace);
        if (letters is not null)
        {
            writer.WriteStartAttribute("r");
            writer.WriteString(letters);
            writer.WriteString(row);
            writer.WriteEndAttribute();
        }
        if (style is not null)
        {
            writer.WriteAttributeString("s", style);
        }
        if (cell.Text is { } text)
        {
            writer.WriteAttributeString("t", "inlineStr");
            writer.WriteStartElement("is", Namespace);
            writer.WriteStartElement("t", Namespace);
            writer.WriteAttributeString("xml", "space", null, "preserve");
            writer.WriteString(XmlSafe(text));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteElementString("v", Namespace, cell.NumberText ?? Numbers.Exact(cell.Number));
        }
        writer.WriteEndElement();
    }

    /// <summary>
    /// The style attribute of each cell (null for the default style): by number format, boldness and wrapping, and for the
    /// cells that take their column's format, remembered by column, since a Runs sheet asks once for each of its million cells.
    /// </summary>
    private sealed class CellStyles(WorkbookStyles styles, IReadOnlyList<string?> columnFormats)
    {
        private readonly Dictionary<(string?, bool, bool), string?> _byFormat = [];
        private readonly string?[][] _byColumn = [new string?[columnFormats.Count], new string?[columnFormats.Count]];
        private readonly bool[][] _known = [new bool[columnFormats.Count], new bool[columnFormats.Count]];

        public string? Of(SheetCell cell, int column, bool bold, bool wrap)
        {
            var columns = cell.Text is null && cell.Format is null && !wrap && column < columnFormats.Count;
            var b = bold ? 1 : 0;
            if (columns && _known[b][column])
            {
                return _byColumn[b][column];
            }
            var format = cell.Text is null ? cell.Format ?? (column < columnFormats.Count ? columnFormats[column] : null) : null;
            if (!_byFormat.TryGetValue((format, bold, wrap), out var style))
            {
                var index = styles.Of(format, bold, wrap);
                style = index == 0 ? null : index.ToString(CultureInfo.InvariantCulture);
                _byFormat.Add((format, bold, wrap), style);
            }
            if (columns)
            {
                _byColumn[b][column] = style;
                _known[b][column] = true;
            }
            return style;
        }
    }

    /// <summary>
    /// Number cells gathered as markup, exactly as the writer's element calls would write them, and handed to the
    /// writer at once. A number's text (digits, sign, point, exponent) needs no escaping; other text is refused,
    /// for the writer to escape.
    /// </summary>
    private sealed class RawCells
    {
        private static readonly SearchValues<char> Plain = SearchValues.Create("0123456789+-.eE");
        private char[] _buffer = new char[4096];
        private int _length;

        public bool TryAdd(string? letters, string row, string? style, string number)
        {
            if (number.AsSpan().ContainsAnyExcept(Plain))
            {
                return false;
            }
            Append("<c");
            if (letters is not null)
            {
                Append(" r=\"");
                Append(letters);
                Append(row);
                Append("\"");
            }
            if (style is not null)
            {
                Append(" s=\"");
                Append(style);
                Append("\"");
            }
            Append("><v>");
            Append(number);
            Append("</v></c>");
            return true;
        }

        public void Flush(XmlWriter writer)
        {
            if (_length > 0)
            {
                writer.WriteRaw(_buffer, 0, _length);
                _length = 0;
            }
        }

        private void Append(string text)
        {
            if (_length + text.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, _length + text.Length));
            }
            text.CopyTo(0, _buffer, _length, text.Length);
            _length += text.Length;
        }
    }

    /// <summary>The text with each character XML cannot hold (a control character other than tab and line breaks, a lone surrogate) as U+FFFD, so an odd character in a name or a file's text cannot stop the workbook.</summary>
    internal static string XmlSafe(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var ok = pair || XmlConvert.IsXmlChar(text[i]);
            if (!ok)
            {
                safe ??= new StringBuilder(text, 0, i, text.Length);
                safe.Append('\uFFFD');
            }
            else
            {
                safe?.Append(text[i]);
                if (pair)
                {
                    safe?.Append(text[i + 1]);
                    i++;
                }
            }
        }
        return safe?.ToString() ?? text;
    }
}
