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
/// shorter, which is a third less to compress and a third smaller a file.
/// </summary>
internal static class SheetWriter
{
    /// <summary>Excel's most rows in one sheet.</summary>
    public const int MaxRows = 1_048_576;

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
        var cellStyles = new Dictionary<(string?, bool), string?>();
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
                var format = cell.Text is null ? cell.Format ?? (c < columnFormats.Count ? columnFormats[c] : null) : null;
                if (!cellStyles.TryGetValue((format, row.Bold), out var style))
                {
                    var index = styles.Of(format, row.Bold);
                    style = index == 0 ? null : index.ToString(CultureInfo.InvariantCulture);
                    cellStyles.Add((format, row.Bold), style);
                }
                WriteCell(writer, c == next ? null : Letters(c), r, style, cell);
                next = c + 1;
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
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteElementString("v", Namespace, cell.NumberText ?? Numbers.Exact(cell.Number));
        }
        writer.WriteEndElement();
    }
}
