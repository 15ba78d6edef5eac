using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>A histogram of an outcome over runs, with P5, P50 and P95 marked. Bars carry their count in <c>data-count</c>.</summary>
public static class HistogramChart
{
    /// <summary>Draws <paramref name="sorted"/> (ascending) in bins at nice edges.</summary>
    public static XElement Draw(string title, string xTitle, IReadOnlyList<double> sorted, double p5, double p50, double p95)
    {
        var canvas = new SvgCanvas(title);
        var edges = new NiceScale(sorted[0], sorted[^1], targetTicks: Math.Clamp((int)Math.Sqrt(sorted.Count), 5, 30));
        var counts = new int[Math.Max(1, edges.Ticks.Count - 1)];
        foreach (var v in sorted)
        {
            counts[Math.Clamp((int)Math.Floor((v - edges.Min) / edges.Step), 0, counts.Length - 1)]++;
        }
        canvas.Axes(new NiceScale(edges.Min, edges.Max), new NiceScale(0, counts.Max()), xTitle, "Runs");
        for (var i = 0; i < counts.Length; i++)
        {
            var lo = edges.Min + (i * edges.Step);
            var bar = SvgCanvas.Rect(canvas.X(lo) + 0.5, canvas.Y(counts[i]), canvas.X(lo + edges.Step) - canvas.X(lo) - 1, canvas.Y(0) - canvas.Y(counts[i]), Palette.Colour(0), 0.85);
            bar.Add(new XAttribute("class", "bar"), new XAttribute("data-count", counts[i]), new XAttribute("data-lo", lo), new XAttribute("data-hi", lo + edges.Step));
            canvas.Add(bar);
        }
        foreach (var (p, label, colour) in new[] { (p5, "P5", Palette.Colour(1)), (p50, "P50", Palette.Colour(5)), (p95, "P95", Palette.Colour(1)) })
        {
            canvas.Add(SvgCanvas.Line(canvas.X(p), canvas.PlotTop, canvas.X(p), canvas.PlotBottom, colour, 2, "6 4"));
            canvas.Add(SvgCanvas.Text(canvas.X(p) + 4, canvas.PlotTop + 14, label, 12, "start"));
        }
        canvas.Legend("P5 and P95", Palette.Colour(1));
        canvas.Legend("median", Palette.Colour(5));
        return canvas.ToSvg();
    }
}
