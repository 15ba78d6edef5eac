using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MarketSim.Tests.Support;

/// <summary>results.xlsx read back with DocumentFormat.OpenXml: each sheet's cells by position, their number formats and bold, and the sheet's frozen rows and column widths.</summary>
public sealed class XlsxBook
{
    private XlsxBook(Dictionary<string, XlsxSheet> sheets, List<string> order)
    {
        Sheets = sheets;
        SheetNames = order;
    }

    public IReadOnlyDictionary<string, XlsxSheet> Sheets { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public XlsxSheet this[string name] => Sheets[name];

    public static XlsxBook Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var builtIn = new Dictionary<uint, string> { [0] = "General", [1] = "0", [3] = "#,##0", [4] = "#,##0.00", [10] = "0.00%" };
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        var xfs = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheets = new Dictionary<string, XlsxSheet>();
        var order = new List<string>();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var ws = part.Worksheet!;
            var cells = new List<List<XlsxCell?>>();
            foreach (var row in ws.GetFirstChild<SheetData>()!.Elements<Row>())
            {
                var r = (int)row.RowIndex!.Value - 1;
                while (cells.Count <= r)
                {
                    cells.Add([]);
                }
                var c = -1;
                foreach (var cell in row.Elements<Cell>())
                {
                    // A cell without a reference is the one after the cell before it.
                    c = cell.CellReference?.Value is { } reference ? Column(reference) : c + 1;
                    while (cells[r].Count <= c)
                    {
                        cells[r].Add(null);
                    }
                    var xf = xfs[(int)(cell.StyleIndex?.Value ?? 0)];
                    var formatId = xf.NumberFormatId?.Value ?? 0;
                    var format = formats.TryGetValue(formatId, out var custom) ? custom : builtIn[formatId];
                    var bold = fonts[(int)(xf.FontId?.Value ?? 0)].Bold is not null;
                    var wrap = xf.Alignment?.WrapText?.Value == true;
                    cells[r][c] = cell.DataType?.Value == CellValues.InlineString
                        ? new XlsxCell(cell.InlineString!.Text!.Text, double.NaN, format, bold, wrap)
                        : new XlsxCell(null, double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), format, bold, wrap);
                }
            }
            var pane = ws.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            var frozen = pane?.State?.Value == PaneStateValues.Frozen ? (int)(pane.VerticalSplit?.Value ?? 0) : 0;
            var widths = ws.GetFirstChild<Columns>()?.Elements<Column>().ToDictionary(c => (int)c.Min!.Value - 1, c => c.Width!.Value) ?? [];
            sheets[sheet.Name!.Value!] = new XlsxSheet(cells, frozen, widths);
            order.Add(sheet.Name!.Value!);
        }
        return new XlsxBook(sheets, order);
    }

    private static int Column(string reference)
    {
        var c = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            c = (c * 26) + (ch - 'A' + 1);
        }
        return c - 1;
    }
}

/// <summary>One cell read back: text, or a number; its number format code, whether it is bold and whether its text wraps within the column.</summary>
public sealed record XlsxCell(string? Text, double Number, string Format, bool Bold, bool Wrap = false);

/// <summary>One sheet read back: rows of cells (null where blank), frozen header rows, column widths by 0-based column.</summary>
public sealed record XlsxSheet(List<List<XlsxCell?>> Rows, int FrozenRows, Dictionary<int, double> Widths)
{
    public XlsxCell? At(int row, int column) => row < Rows.Count && column < Rows[row].Count ? Rows[row][column] : null;

    /// <summary>The 0-based column whose row-<paramref name="headerRow"/> text is <paramref name="header"/>.</summary>
    public int ColumnOf(string header, int headerRow = 0) => Rows[headerRow].FindIndex(c => c?.Text == header);
}
