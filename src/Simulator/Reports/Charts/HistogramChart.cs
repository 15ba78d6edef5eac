using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A histogram of an outcome over runs, with P5, P50 and P95 marked by dashed lines and labelled with their
/// values on the footing of its axis (<see cref="ChartStyle.Format"/>); labels that would touch are stacked into rows (<see cref="LabelRows"/>), so they never overlap.
/// </summary>
public static class HistogramChart
{
    private const float LabelRowHeight = 20;

    /// <summary>
    /// Draws <paramref name="sorted"/> (ascending, not all equal) with its percentiles, values in <paramref name="unit"/>; the
    /// percentiles of a <paramref name="whole"/> outcome (a count of providers) are labelled as whole numbers (P5: 489, not 489.0).
    /// </summary>
    public static Chart Draw(string name, string caption, string title, string xTitle, string unit, IReadOnlyList<double> sorted, double p5, double p50, double p95, bool whole = false)
    {
        var plot = ChartStyle.New(title, xTitle, "Runs (simulated futures)");
        var bins = Math.Clamp((int)Math.Sqrt(sorted.Count), 10, 40);
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, sorted[0], sorted[^1]);
        histogram.AddRange(sorted);
        plot.Add.Histogram(histogram, Palette.Colour(0).WithAlpha(0.8));
        var tallest = histogram.Counts.Max();
        var marks = new[] { ("P5", p5, Palette.Colour(5)), ("P50 (median)", p50, Palette.Ink), ("P95", p95, Palette.Colour(5)) };
        foreach (var (_, value, colour) in marks)
        {
            plot.Add.VerticalLine(value, 2, colour, LinePattern.Dashed);
        }
        var span = sorted[^1] - sorted[0];
        var (left, right) = (sorted[0] - (span * 0.03), sorted[^1] + (span * 0.03));
        plot.Axes.SetLimits(left, right, 0, tallest * 1.35);
        ChartStyle.Ticks(plot.Axes.Bottom, unit);
        ChartStyle.Ticks(plot.Axes.Left, "runs");
        var scaled = ChartStyle.Scaled(left, right);
        Label(plot, [.. marks.Select(m => ($"{m.Item1}: {(whole ? Quantity.Count(m.Item2, scaled) : ChartStyle.Format(m.Item2, unit, scaled))}", m.Item2, m.Item3))]);
        return new Chart(name, caption, plot);
    }

    private static void Label(Plot plot, IReadOnlyList<(string Text, double Value, Color Colour)> labels)
    {
        plot.RenderInMemory(Chart.DefaultWidth, Chart.DefaultHeight);
        var area = plot.LastRender.DataRect;
        var top = plot.GetCoordinates(area.Left, area.Top + 4, plot.Axes.Bottom, plot.Axes.Left).Y;
        var boxes = labels.Select(l =>
        {
            var width = ChartStyle.TextWidth(l.Text, ChartStyle.TickSize) + 8;
            var centre = Math.Clamp(plot.GetPixel(new Coordinates(l.Value, 0)).X, area.Left + (width / 2) + 2, area.Right - (width / 2) - 2);
            return (Centre: (double)centre, Width: width);
        }).ToList();
        var rows = LabelRows.Assign(boxes, gap: 6);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = plot.GetCoordinates((float)boxes[i].Centre, area.Top, plot.Axes.Bottom, plot.Axes.Left).X;
            var text = plot.Add.Text(labels[i].Text, x, top);
            text.Alignment = Alignment.UpperCenter;
            text.OffsetY = rows[i] * LabelRowHeight;
            text.LabelStyle.FontSize = ChartStyle.TickSize;
            text.LabelStyle.FontName = ChartFonts.Family;
            text.LabelStyle.ForeColor = labels[i].Colour;
            text.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelStyle.Padding = 2;
        }
    }
}
