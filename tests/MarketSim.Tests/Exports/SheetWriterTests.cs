using System.IO.Compression;
using System.Xml.Linq;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Exports;

/// <summary>The worksheet XML of results.xlsx: cell references only where a reader could not infer them.</summary>
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

    private static string Workbook()
    {
        var path = Path.Combine(Repo.TempDir(), "cells.xlsx");
        var styles = new WorkbookStyles();
        using var package = new XlsxPackage(path, ["Cells"]);
        SheetWriter.Write(package.NextSheet(), styles, [], [], 0, Rows);
        package.Finish(styles.Build());
        return path;
    }
}
