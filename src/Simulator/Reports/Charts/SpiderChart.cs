using System.Globalization;
using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A spider chart: for each input varied one at a time, the outcome's mean (y) against the input's
/// position between its low and high value (x, 0% to 100%), one line per input, with the base
/// case's mean dashed. Steep lines are the inputs that matter; bent lines show a non-linear effect.
/// </summary>
public static class SpiderChart
{
    private const double LegendRow = 18;

    /// <summary>One input's line: its label and the outcome's mean at each position 0..1 of its range.</summary>
    public sealed record Line(string Label, IReadOnlyList<(double Position, double Mean)> Points);

    /// <summary>Draws the lines, with <paramref name="baseMean"/> as a dashed horizontal line; the legend is under the x axis.</summary>
    public static XElement Draw(string title, string yTitle, IReadOnlyList<Line> lines, double baseMean)
    {
        var means = lines.SelectMany(l => l.Points.Select(p => p.Mean)).Append(baseMean).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var legendHeight = LegendRow * (lines.Count + 1);
        var canvas = new SvgCanvas(title, height: 420 + legendHeight, footerHeight: legendHeight);
        canvas.Axes(new NiceScale(0, 1, 5), new NiceScale(means.Min(), means.Max()),
            "Position of each input between its low (0%) and high (100%) value", yTitle,
            x => x.ToString("0%", CultureInfo.InvariantCulture), xGrid: true);
        var baseLine = SvgCanvas.Line(canvas.PlotLeft, canvas.Y(baseMean), canvas.PlotRight, canvas.Y(baseMean), Palette.Axis, 1.5, "6 4");
        baseLine.Add(new XAttribute("class", "base"), new XAttribute("data-mean", baseMean));
        canvas.Add(baseLine);
        for (var i = 0; i < lines.Count; i++)
        {
            var colour = Palette.Colour(i);
            var points = lines[i].Points.Where(p => double.IsFinite(p.Mean)).Select(p => (canvas.X(p.Position), canvas.Y(p.Mean))).ToList();
            var path = SvgCanvas.Path(points, colour, 2.5);
            path.Add(new XAttribute("class", "spider-line"), new XAttribute("data-label", lines[i].Label));
            canvas.Add(path);
            foreach (var (position, mean) in lines[i].Points.Where(p => double.IsFinite(p.Mean)))
            {
                canvas.Add(new XElement(SvgCanvas.Ns + "circle",
                    new XAttribute("cx", SvgCanvas.F(canvas.X(position))), new XAttribute("cy", SvgCanvas.F(canvas.Y(mean))), new XAttribute("r", 3.5),
                    new XAttribute("fill", colour), new XAttribute("class", "point"),
                    new XAttribute("data-position", position), new XAttribute("data-mean", mean)));
            }
        }
        var legendTop = canvas.FooterTop + 12;
        var entries = lines.Select((l, i) => (l.Label, Palette.Colour(i), (string?)null)).Append(("base case mean", Palette.Axis, "6 4")).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var (label, colour, dash) = entries[i];
            var y = legendTop + (i * LegendRow);
            canvas.Add(SvgCanvas.Line(canvas.PlotLeft, y - 4, canvas.PlotLeft + 18, y - 4, colour, 2.5, dash));
            canvas.Add(SvgCanvas.Text(canvas.PlotLeft + 24, y, label, 12, "start", "legend"));
        }
        return canvas.ToSvg();
    }
}
