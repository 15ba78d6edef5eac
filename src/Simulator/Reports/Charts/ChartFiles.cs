using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Writes charts into a results folder's charts/ as NAME.svg and NAME.png side by side, and returns each
/// SVG ready to embed inline in a report: with a viewBox (so it scales), a &lt;title&gt;, and its clip-path ids
/// prefixed with the chart's name so that several charts in one page never share an id.
/// </summary>
public static partial class ChartFiles
{
    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Writes <paramref name="charts"/> into <paramref name="directory"/> (created if missing), the PNGs at <paramref name="scale"/>, and disposes them.</summary>
    /// <returns>For each chart, in order: its SVG file name, caption and SVG element.</returns>
    public static List<(string File, string Caption, XElement Svg)> Write(string directory, IEnumerable<Chart> charts, double scale)
    {
        Directory.CreateDirectory(directory);
        var written = new List<(string, string, XElement)>();
        foreach (var chart in charts)
        {
            using (chart)
            {
                var svg = Embeddable(chart);
                new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Save(Path.Combine(directory, chart.Name + ".svg"));
                File.WriteAllBytes(Path.Combine(directory, chart.Name + ".png"), chart.Png(scale));
                written.Add((chart.Name + ".svg", chart.Caption, svg));
            }
        }
        return written;
    }

    /// <summary>The chart's SVG as an element with a viewBox, a title and ids unique to the chart.</summary>
    public static XElement Embeddable(Chart chart)
    {
        var text = IdReference().Replace(chart.Svg(), m => $"{m.Groups[1].Value}{chart.Name}-{m.Groups[2].Value}");
        var svg = XDocument.Parse(text).Root!;
        svg.SetAttributeValue("viewBox", $"0 0 {chart.Width} {chart.Height}");
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("class", "chart");
        svg.AddFirst(new XElement(Svg + "title", chart.Title));
        return svg;
    }

    [GeneratedRegex("""(id="|url\(#)([^")]+)""")]
    private static partial Regex IdReference();
}
