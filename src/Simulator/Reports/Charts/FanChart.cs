using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>A fan chart of a monthly series: P5-P95 and P25-P75 bands over runs, and the median line.</summary>
public static class FanChart
{
    /// <summary>Draws the quantile paths by month (index 0 = month 1); <paramref name="monthLabel"/> names a month on the x axis.</summary>
    public static XElement Draw(string title, string yTitle, double[] p5, double[] p25, double[] p50, double[] p75, double[] p95, Func<int, string> monthLabel)
    {
        var canvas = new SvgCanvas(title);
        var months = p50.Length;
        var finite = p5.Concat(p95).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var x = new NiceScale(1, Math.Max(2, months), targetTicks: Math.Min(8, Math.Max(2, months)));
        canvas.Axes(x, new NiceScale(finite.Min(), finite.Max()), "Month", yTitle, t => t >= 1 && t <= months ? monthLabel((int)t - 1) : "");
        Band(canvas, p5, p95, Palette.Colour(4), 0.35, "band-90");
        Band(canvas, p25, p75, Palette.Colour(0), 0.45, "band-50");
        var median = SvgCanvas.Path(Enumerable.Range(0, months).Where(m => double.IsFinite(p50[m])).Select(m => (canvas.X(m + 1), canvas.Y(p50[m]))), Palette.Colour(5), 2.2);
        median.Add(new XAttribute("class", "median"));
        canvas.Add(median);
        canvas.Legend("P5-P95", Palette.Colour(4), band: true);
        canvas.Legend("P25-P75", Palette.Colour(0), band: true);
        canvas.Legend("median", Palette.Colour(5));
        return canvas.ToSvg();
    }

    private static void Band(SvgCanvas canvas, double[] lower, double[] upper, string colour, double opacity, string cssClass)
    {
        var months = Enumerable.Range(0, lower.Length).Where(m => double.IsFinite(lower[m]) && double.IsFinite(upper[m])).ToList();
        if (months.Count == 0)
        {
            return;
        }
        var outline = months.Select(m => (canvas.X(m + 1), canvas.Y(upper[m])))
            .Concat(Enumerable.Reverse(months).Select(m => (canvas.X(m + 1), canvas.Y(lower[m]))));
        var band = SvgCanvas.Path(outline, colour, 0, fill: true, opacity: opacity);
        band.Add(new XAttribute("class", cssClass));
        canvas.Add(band);
    }
}
