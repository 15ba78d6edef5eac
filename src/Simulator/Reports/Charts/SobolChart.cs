using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Sobol indices of one outcome: for each input, a bar for its first-order index (its share of the variance
/// alone) and one for its total index (with its interactions), each with its bootstrap interval as a whisker;
/// largest total on top. Shares are drawn in percent.
/// </summary>
public static class SobolChart
{
    /// <summary>One input's indices and intervals, as shares of the variance (0 to 1).</summary>
    public sealed record Bar(string Label, double FirstOrder, double FirstOrderLow, double FirstOrderHigh, double Total, double TotalLow, double TotalHigh);

    /// <summary>Draws the bars, sorted by total index.</summary>
    public static XElement Draw(string title, string xTitle, IReadOnlyList<Bar> bars)
    {
        var sorted = bars.OrderByDescending(b => b.Total).ToList();
        var canvas = new SvgCanvas(title, height: Math.Max(260, 120 + (52 * sorted.Count)));
        var values = sorted.SelectMany(b => new[] { b.FirstOrderLow, b.FirstOrderHigh, b.TotalLow, b.TotalHigh, b.FirstOrder, b.Total }).Where(double.IsFinite).Select(v => v * 100).ToList();
        canvas.Axes(new NiceScale(Math.Min(0, values.DefaultIfEmpty(0).Min()), Math.Max(100, values.DefaultIfEmpty(100).Max())), new NiceScale(0, sorted.Count, Math.Max(2, sorted.Count + 1)), xTitle, "", xGrid: true);
        var rowHeight = (canvas.PlotBottom - canvas.PlotTop) / Math.Max(1, sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var b = sorted[i];
            var top = canvas.PlotTop + (i * rowHeight) + (rowHeight * 0.2);
            var barHeight = rowHeight * 0.3;
            var parts = new[] { (b.FirstOrder, b.FirstOrderLow, b.FirstOrderHigh, Palette.Colour(0), "first-order"), (b.Total, b.TotalLow, b.TotalHigh, Palette.Colour(1), "total") };
            for (var p = 0; p < parts.Length; p++)
            {
                var (share, low, high, colour, which) = parts[p];
                var y = top + (p * barHeight);
                var x0 = Math.Min(canvas.X(0), canvas.X(share * 100));
                var rect = SvgCanvas.Rect(x0, y, Math.Abs(canvas.X(share * 100) - canvas.X(0)), barHeight * 0.9, colour, 0.85);
                rect.Add(new XAttribute("class", $"bar {which}"), new XAttribute("data-share", share));
                canvas.Add(rect);
                var mid = y + (barHeight * 0.45);
                canvas.Add(SvgCanvas.Line(canvas.X(low * 100), mid, canvas.X(high * 100), mid, Palette.Ink, 1.2));
            }
            canvas.Add(SvgCanvas.Text(canvas.PlotLeft + 6, top - 3, b.Label, 12, "start"));
        }
        canvas.Add(SvgCanvas.Line(canvas.X(0), canvas.PlotTop, canvas.X(0), canvas.PlotBottom, Palette.Ink, 1.5));
        canvas.Legend("first-order (alone)", Palette.Colour(0), band: true);
        canvas.Legend("total (with interactions)", Palette.Colour(1), band: true);
        return canvas.ToSvg();
    }
}
