using System.Text.RegularExpressions;
using System.Xml.Linq;
using MarketSim.Simulator.Experiments;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Writes charts into a results folder's charts/ as NAME.svg and NAME.png side by side, and returns each
/// SVG ready to embed inline in a report: with a viewBox (so it scales), a &lt;title&gt;, and its clip-path ids
/// named after the chart and numbered within it, so that several charts in one page never share an id and
/// a chart's file is the same however many charts were drawn before it, on whichever thread.
/// </summary>
public static partial class ChartFiles
{
    /// <summary>The scale of the PNGs when none is asked for (--chart-scale): 1,000 × 600 pixels.</summary>
    public const double DefaultScale = 1;

    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>
    /// Writes <paramref name="charts"/> into <paramref name="directory"/> (created if missing), the PNGs at
    /// <paramref name="scale"/>, and disposes them. The charts are drawn on every core at once (each is its
    /// own plot); each is recorded in <paramref name="timings"/> as a phase named after its kind.
    /// </summary>
    /// <returns>For each chart, in order: its SVG file name, caption and SVG element.</returns>
    public static List<(string File, string Caption, XElement Svg)> Write(string directory, IEnumerable<Chart> charts, double scale, PhaseTimings? timings = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        var all = charts.ToList();
        var written = new (string, string, XElement)[all.Count];
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };
            Parallel.For(0, all.Count, parallel, i => written[i] = WriteOne(directory, all[i], scale, timings));
        }
        finally
        {
            all.ForEach(c => c.Dispose());
        }
        return [.. written];
    }

    private static (string, string, XElement) WriteOne(string directory, Chart chart, double scale, PhaseTimings? timings)
    {
        var write = () =>
        {
            var svg = Embeddable(chart);
            // UTF-8 without a byte-order mark, as every other text file of the folder: a file read as text (R's readLines,
            // a template that inlines it) would otherwise start with an invisible U+FEFF before its XML declaration.
            using (var file = System.Xml.XmlWriter.Create(Path.Combine(directory, chart.Name + ".svg"), new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
            {
                new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Save(file);
            }
            File.WriteAllBytes(Path.Combine(directory, chart.Name + ".png"), chart.Png(scale));
            return (chart.Name + ".svg", chart.Caption, svg);
        };
        return timings is null ? write() : timings.Measure($"chart {chart.Name.Split('_')[0]} (SVG and PNG)", write);
    }

    /// <summary>The chart's SVG as an element with a viewBox, a title and ids unique to the chart.</summary>
    public static XElement Embeddable(Chart chart)
    {
        // Skia numbers clip paths from a counter shared by the whole process, so the same chart's ids depend on
        // what was drawn before it, and on which thread; numbered within the chart they are always the same.
        var ids = new Dictionary<string, int>();
        var text = IdReference().Replace(chart.Svg(), m =>
        {
            var id = m.Groups[2].Value;
            if (!ids.TryGetValue(id, out var n))
            {
                ids[id] = n = ids.Count + 1;
            }
            return $"{m.Groups[1].Value}{chart.Name}-{id[..(id.LastIndexOf('_') + 1)]}{n}";
        });
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
