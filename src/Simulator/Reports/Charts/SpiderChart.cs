using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A spider chart: for each input varied one at a time, the outcome's mean (y) against the input's
/// position between its low and high value (x, 0% to 100%), one line per input, with the base
/// case's mean dashed. Steep lines are the inputs that matter; bent lines show a non-linear effect.
/// </summary>
public static class SpiderChart
{
    /// <summary>One input's line: its label and the outcome's mean at each position 0..1 of its range.</summary>
    public sealed record Line(string Label, IReadOnlyList<(double Position, double Mean)> Points);

    /// <summary>Draws the lines, with <paramref name="baseMean"/> as a dashed horizontal line; the legend is under the x axis.</summary>
    public static Chart Draw(string name, string caption, string title, string yTitle, string unit, IReadOnlyList<Line> lines, double baseMean)
    {
        var plot = ChartStyle.New(title, "Position of each input between its low (0%) and high (100%) value", yTitle);
        var baseLine = plot.Add.HorizontalLine(baseMean, 1.5f, Palette.Axis, LinePattern.Dashed);
        baseLine.LegendText = "Base case mean";
        for (var i = 0; i < lines.Count; i++)
        {
            var points = lines[i].Points.Where(p => double.IsFinite(p.Mean)).ToList();
            var line = plot.Add.Scatter(points.Select(p => p.Position).ToArray(), points.Select(p => p.Mean).ToArray(), Palette.Colour(i));
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
            line.LegendText = lines[i].Label;
        }
        ChartStyle.Ticks(plot.Axes.Bottom, "share");
        ChartStyle.Ticks(plot.Axes.Left, unit);
        plot.Axes.Margins(horizontal: 0.04, vertical: 0.1);
        plot.ShowLegend(Edge.Bottom).Legend.Orientation = Orientation.Vertical;
        return new Chart(name, caption, plot, height: 560 + (22 * lines.Count));
    }
}
