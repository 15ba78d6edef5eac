using System.IO.Compression;
using System.Xml.Linq;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Exports;

/// <summary>The worksheet XML of results.xlsx: cell references only where a reader could not infer them, and each cell's format.</summary>
public class SheetWriterTests
{
    private static readonly XNamespace Main = SheetWriter.Namespace;

    private static readonly SheetRow[] Rows =
    [
        new([SheetCell.Of(1), SheetCell.Of(2), SheetCell.Blank, SheetCell.Of(4)]),
        new([SheetCell.Blank, SheetCell.Of("six"), SheetCell.Of(7)]),
    ];

    [Fact]
    public void A_cell_carries_its_reference_only_after_a_blank()
    {
        using var zip = ZipFile.OpenRead(Workbook());
        using var part = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = XDocument.Load(part);

        var references = xml.Descendants(Main + "row").Select(r => r.Elements(Main + "c").Select(c => (string?)c.Attribute("r")).ToList()).ToList();

        Assert.Equal([null, null, "D1"], references[0]);
        Assert.Equal(["B2", null], references[1]);
    }

    [Fact]
    public void Cells_without_a_reference_are_read_back_in_their_columns()
    {
        var sheet = XlsxBook.Read(Workbook())["Cells"];

        Assert.Equal([1.0, 2.0, double.NaN, 4.0], Enumerable.Range(0, 4).Select(c => sheet.At(0, c)?.Number ?? double.NaN));
        Assert.Null(sheet.At(1, 0));
        Assert.Equal("six", sheet.At(1, 1)?.Text);
        Assert.Equal(7.0, sheet.At(1, 2)?.Number);
    }

    [Fact]
    public void A_number_takes_its_own_format_over_its_columns_and_a_header_row_is_bold()
    {
        SheetRow[] rows =
        [
            new([SheetCell.Of("rate"), SheetCell.Of("share")], Bold: true),
            new([SheetCell.Of(14.36), SheetCell.Of(0.25)]),
            new([SheetCell.Of(15.5), SheetCell.Of(0.5, "0.0%")]),
            new([SheetCell.Exact("16.25"), SheetCell.Exact("0.75")]),
        ];

        var sheet = XlsxBook.Read(Workbook(rows, ["#,##0.00", "0%"]))["Cells"];

        Assert.True(sheet.At(0, 0)!.Bold);
        Assert.Equal(["#,##0.00", "#,##0.00", "#,##0.00"], Enumerable.Range(1, 3).Select(r => sheet.At(r, 0)!.Format));
        Assert.Equal(["0%", "0.0%", "0%"], Enumerable.Range(1, 3).Select(r => sheet.At(r, 1)!.Format));
        Assert.False(sheet.At(1, 0)!.Bold);
        Assert.Equal(16.25, sheet.At(3, 0)!.Number);
    }

    [Fact]
    public void Number_text_that_is_not_a_plain_number_is_escaped()
    {
        SheetRow[] rows = [new([SheetCell.Of(1), SheetCell.Exact("1<2&3"), SheetCell.Of(3)])];

        using var zip = ZipFile.OpenRead(Workbook(rows, []));
        using var part = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var values = XDocument.Load(part).Descendants(Main + "v").Select(v => v.Value);

        Assert.Equal(["1", "1<2&3", "3"], values);
    }

    [Fact]
    public void Text_with_characters_XML_cannot_hold_is_written_with_each_replaced_and_the_rest_kept()
    {
        var path = Workbook([new([SheetCell.Of("Bell\u0007 and NUL\0, lone \uD800, kept: tab\t, pound £, emoji \U0001F600")])], []);

        Assert.Equal("Bell\uFFFD and NUL\uFFFD, lone \uFFFD, kept: tab\t, pound £, emoji \U0001F600", XlsxBook.Read(path)["Cells"].At(0, 0)?.Text);
    }

    [Fact]
    public void A_date_is_an_Excel_serial_number_in_a_date_format_and_one_before_March_1900_is_its_text()
    {
        SheetRow[] rows = [new([SheetCell.Of(new DateOnly(2016, 11, 1)), SheetCell.Of(new DateOnly(1900, 3, 1)), SheetCell.Of(new DateOnly(1900, 2, 28))])];

        using var zip = ZipFile.OpenRead(Workbook(rows, []));
        using var sheetPart = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        using var stylesPart = zip.GetEntry("xl/styles.xml")!.Open();
        var cells = XDocument.Load(sheetPart).Descendants(Main + "c").ToList();
        var styles = XDocument.Load(stylesPart);

        Assert.Equal(["42675", "61"], cells.Take(2).Select(c => c.Element(Main + "v")!.Value));
        Assert.All(cells.Take(2), c => Assert.Null(c.Attribute("t")));
        var xf = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ElementAt((int)cells[0].Attribute("s")!);
        Assert.Equal("1", (string?)xf.Attribute("applyNumberFormat"));
        var format = styles.Descendants(Main + "numFmt").Single(f => (string?)f.Attribute("numFmtId") == (string?)xf.Attribute("numFmtId"));
        Assert.Equal("yyyy-mm-dd", (string?)format.Attribute("formatCode"));
        Assert.Equal(cells[0].Attribute("s")!.Value, cells[1].Attribute("s")!.Value);
        Assert.Equal("inlineStr", (string?)cells[2].Attribute("t"));
        Assert.Equal("1900-02-28", cells[2].Value);
    }

    private static string Workbook() => Workbook(Rows, []);

    private static string Workbook(SheetRow[] rows, string?[] columnFormats)
    {
        var path = Path.Combine(Repo.TempDir(), "cells.xlsx");
        var styles = new WorkbookStyles();
        using var package = new XlsxPackage(path, ["Cells"]);
        SheetWriter.Write(package.NextSheet(), styles, columnFormats, [], 0, rows);
        package.Finish(styles.Build());
        return path;
    }
}
