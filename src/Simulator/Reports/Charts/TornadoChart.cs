using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>A tornado chart: for each input, the change in an outcome at its low and high values, largest swing on top.</summary>
public static class TornadoChart
{
    /// <summary>One input's effect: the outcome's change from the base case at the low and the high value.</summary>
    public sealed record Bar(string Label, double LowEffect, double HighEffect);

    /// <summary>Draws the bars, sorted by swing.</summary>
    public static XElement Draw(string title, string xTitle, IReadOnlyList<Bar> bars)
    {
        var sorted = bars.OrderByDescending(b => Math.Abs(b.HighEffect - b.LowEffect)).ToList();
        var canvas = new SvgCanvas(title, height: Math.Max(260, 120 + (44 * sorted.Count)));
        var extent = sorted.SelectMany(b => new[] { b.LowEffect, b.HighEffect, 0 }).ToList();
        canvas.Axes(new NiceScale(extent.Min(), extent.Max()), new NiceScale(0, sorted.Count, Math.Max(2, sorted.Count + 1)), xTitle, "", xGrid: true);
        var rowHeight = (canvas.PlotBottom - canvas.PlotTop) / Math.Max(1, sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var b = sorted[i];
            var top = canvas.PlotTop + (i * rowHeight) + (rowHeight * 0.2);
            foreach (var (effect, colour, which) in new[] { (b.LowEffect, Palette.Colour(0), "low"), (b.HighEffect, Palette.Colour(1), "high") })
            {
                var x0 = Math.Min(canvas.X(0), canvas.X(effect));
                var rect = SvgCanvas.Rect(x0, top, Math.Abs(canvas.X(effect) - canvas.X(0)), rowHeight * 0.6, colour, 0.85);
                rect.Add(new XAttribute("class", $"bar {which}"), new XAttribute("data-effect", effect));
                canvas.Add(rect);
            }
            canvas.Add(SvgCanvas.Text(canvas.PlotLeft + 6, top - 3, b.Label, 12, "start"));
        }
        canvas.Add(SvgCanvas.Line(canvas.X(0), canvas.PlotTop, canvas.X(0), canvas.PlotBottom, Palette.Ink, 1.5));
        canvas.Legend("low value", Palette.Colour(0), band: true);
        canvas.Legend("high value", Palette.Colour(1), band: true);
        return canvas.ToSvg();
    }
}
