using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>An exceedance curve: the share of runs in which an outcome is above each value, P(X &gt; x).</summary>
public static class ExceedanceChart
{
    /// <summary>Draws the curve of <paramref name="sorted"/> (ascending).</summary>
    public static XElement Draw(string title, string xTitle, IReadOnlyList<double> sorted)
    {
        var canvas = new SvgCanvas(title);
        canvas.Axes(new NiceScale(sorted[0], sorted[^1]), new NiceScale(0, 1), xTitle, "P(outcome > x)", xGrid: true);
        var points = new List<(double, double)>();
        var n = sorted.Count;
        var stride = Math.Max(1, n / 400);
        for (var i = 0; i < n; i += stride)
        {
            var above = 1 - ((i + 1) / (double)n);
            points.Add((canvas.X(sorted[i]), canvas.Y(1 - (i / (double)n))));
            points.Add((canvas.X(sorted[i]), canvas.Y(above)));
        }
        points.Add((canvas.X(sorted[^1]), canvas.Y(0)));
        var curve = SvgCanvas.Path(points, Palette.Colour(0), 2.2);
        curve.Add(new XAttribute("class", "curve"));
        canvas.Add(curve);
        return canvas.ToSvg();
    }
}
