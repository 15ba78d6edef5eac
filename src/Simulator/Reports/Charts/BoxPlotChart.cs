using MarketSim.Grains.Statistics;
using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Horizontal box plots, one row each, first on top: box from P25 to P75, a line at the median, whiskers
/// from P5 to P95; boxes of one party share a colour. Row names sit on the axis, never over the boxes.
/// </summary>
public static class BoxPlotChart
{
    /// <summary>One box: its row label, the colour group it belongs to (a partner), and its values sorted ascending.</summary>
    public sealed record Box(string Label, string Group, IReadOnlyList<double> Sorted);

    /// <summary>Draws the boxes in order, values in <paramref name="unit"/>.</summary>
    public static Chart Draw(string name, string caption, string title, string xTitle, string unit, IReadOnlyList<Box> boxes)
    {
        var plot = ChartStyle.New(title, xTitle, "");
        var groups = boxes.Select(b => b.Group).Distinct().ToList();
        var quantiles = boxes.Select(b => new[] { 0.05, 0.25, 0.5, 0.75, 0.95 }.Select(p => SampleQuantile.Type7(b.Sorted, p)).ToArray()).ToList();
        var n = boxes.Count;
        for (var i = 0; i < n; i++)
        {
            BarRows.Whisker(plot, n - 1 - i, quantiles[i][0], quantiles[i][4], 0.15);
        }
        foreach (var group in groups)
        {
            var rows = Enumerable.Range(0, n).Where(i => boxes[i].Group == group).ToList();
            BarRows.Add(plot, [.. rows.Select(i => new BarRows.Segment(n - 1 - i, quantiles[i][1], quantiles[i][3]))], Palette.Colour(groups.IndexOf(group)), 0.6, null);
        }
        for (var i = 0; i < n; i++)
        {
            var median = plot.Add.Line(quantiles[i][2], n - 1 - i - 0.3, quantiles[i][2], n - 1 - i + 0.3);
            median.LineColor = Palette.Ink;
            median.LineWidth = 3;
        }
        var low = quantiles.Min(q => q[0]);
        var high = quantiles.Max(q => q[4]);
        if (low < 0 && high > 0)
        {
            plot.Add.VerticalLine(0, 1.5f, Palette.Axis, LinePattern.Dashed);
        }
        ChartStyle.Categories(plot.Axes.Left, [.. boxes.Select(b => b.Label).Reverse()]);
        ChartStyle.Ticks(plot.Axes.Bottom, unit);
        var pad = Math.Max(1e-9, (high - low) * 0.05);
        plot.Axes.SetLimits(low - pad, high + pad, -0.6, boxes.Count - 0.4);
        return new Chart(name, caption, plot, height: BarRows.Height(boxes.Count, 64));
    }
}
