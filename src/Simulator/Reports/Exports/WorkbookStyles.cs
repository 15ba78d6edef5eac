using DocumentFormat.OpenXml.Spreadsheet;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// The cell styles of results.xlsx: one per number format, weight (bold for header rows) and wrapping
/// (for a row of labels that would otherwise widen its columns), registered as the sheets are written
/// and saved last as the workbook's stylesheet.
/// </summary>
internal sealed class WorkbookStyles
{
    private static readonly Dictionary<string, uint> BuiltInFormats = new(StringComparer.Ordinal)
    {
        ["0"] = 1,
        ["#,##0"] = 3,
        ["#,##0.00"] = 4,
        ["0.00%"] = 10,
    };

    private readonly Dictionary<string, uint> _customFormats = new(StringComparer.Ordinal);
    private readonly Dictionary<(uint Format, bool Bold, bool Wrap), uint> _styles = new() { [(0, false, false)] = 0 };

    /// <summary>The style index of cells in <paramref name="format"/> (null: General), bold or not, their text wrapped within the column or not.</summary>
    public uint Of(string? format, bool bold, bool wrap = false)
    {
        var id = format is null ? 0 : BuiltInFormats.TryGetValue(format, out var builtIn) ? builtIn : Custom(format);
        if (!_styles.TryGetValue((id, bold, wrap), out var style))
        {
            style = (uint)_styles.Count;
            _styles.Add((id, bold, wrap), style);
        }
        return style;
    }

    /// <summary>The stylesheet holding every style handed out.</summary>
    public Stylesheet Build() => new(
        new NumberingFormats(_customFormats.Select(f => new NumberingFormat { NumberFormatId = f.Value, FormatCode = f.Key })) { Count = (uint)_customFormats.Count },
        new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(_styles.OrderBy(s => s.Value).Select(s => CellFormat(s.Key.Format, s.Key.Bold, s.Key.Wrap)))
        { Count = (uint)_styles.Count },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat CellFormat(uint format, bool bold, bool wrap)
    {
        var cellFormat = new CellFormat
        {
            NumberFormatId = format,
            FontId = bold ? 1u : 0u,
            FillId = 0,
            BorderId = 0,
            FormatId = 0,
            ApplyNumberFormat = format != 0,
            ApplyFont = bold,
        };
        if (wrap)
        {
            cellFormat.Append(new Alignment { WrapText = true });
            cellFormat.ApplyAlignment = true;
        }
        return cellFormat;
    }

    private uint Custom(string format)
    {
        if (!_customFormats.TryGetValue(format, out var id))
        {
            id = 164 + (uint)_customFormats.Count;
            _customFormats.Add(format, id);
        }
        return id;
    }

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }
}
