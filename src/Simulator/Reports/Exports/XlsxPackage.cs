using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// The zip package of an .xlsx file written front to back (ZipArchive in create mode): the content
/// types, relationships and workbook first, then each sheet in turn straight to the file, then the
/// styles. The SDK's own package keeps every part in memory until it is saved, which a Runs sheet of
/// a million rows cannot afford.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private const string Main = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The time every part is stamped with: the earliest a zip file can hold.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _zip;
    private readonly int _sheets;
    private int _written;

    /// <summary>Creates <paramref name="path"/> for sheets called <paramref name="sheetNames"/>, to be written in that order.</summary>
    public XlsxPackage(string path, IReadOnlyList<string> sheetNames)
    {
        _sheets = sheetNames.Count;
        _zip = new ZipArchive(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), ZipArchiveMode.Create, leaveOpen: false);
        var types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
            .Append($"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{Main}.sheet.main+xml\"/>")
            .Append($"<Override PartName=\"/xl/styles.xml\" ContentType=\"{Main}.styles+xml\"/>");
        for (var i = 1; i <= _sheets; i++)
        {
            types.Append($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{Main}.worksheet+xml\"/>");
        }
        Text("[Content_Types].xml", types.Append("</Types>").ToString());
        Text("_rels/.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 1; i <= _sheets; i++)
        {
            rels.Append($"<Relationship Id=\"rId{i}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }
        rels.Append($"<Relationship Id=\"rId{_sheets + 1}\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/></Relationships>");
        Text("xl/_rels/workbook.xml.rels", rels.ToString());
        Element("xl/workbook.xml", new Workbook(new Sheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" }))));
    }

    /// <summary>The stream of the next sheet's part; dispose it before asking for the next.</summary>
    public Stream NextSheet()
    {
        if (_written == _sheets)
        {
            throw new InvalidOperationException("Every sheet named when the package was created has been written.");
        }
        return Entry($"xl/worksheets/sheet{++_written}.xml");
    }

    /// <summary>Writes the styles part, after every sheet has registered its styles.</summary>
    public void Finish(Stylesheet styles)
    {
        if (_written != _sheets)
        {
            throw new InvalidOperationException($"{_sheets - _written} of the sheets named were not written.");
        }
        Element("xl/styles.xml", styles);
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    /// <summary>A new part, stamped with a fixed time rather than the clock's, so the same results give the same file byte for byte.</summary>
    private Stream Entry(string name)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        return entry.Open();
    }

    private void Element(string name, OpenXmlElement element)
    {
        using var stream = Entry(name);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteElement(element);
    }

    private void Text(string name, string xml)
    {
        using var stream = Entry(name);
        stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
    }
}
