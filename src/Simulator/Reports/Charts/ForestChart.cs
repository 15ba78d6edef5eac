using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A forest plot of differences in one unit: a row per outcome (first on top), in each row a dot per series (an other
/// scenario) at its mean difference with a capped whisker over its 95% interval, and a vertical line at zero, no difference.
/// </summary>
public static class ForestChart
{
    /// <summary>One series' differences, row by row: NaN where it has none (an outcome it does not share with the base).</summary>
    /// <param name="Name">Its name in the legend.</param>
    /// <param name="Means">The mean difference of each row.</param>
    /// <param name="HalfWidths">The 95% half-width of each row's mean difference.</param>
    public sealed record Series(string Name, IReadOnlyList<double> Means, IReadOnlyList<double> HalfWidths);

    /// <summary>Pixels a row takes for each of its series' dots.</summary>
    private const int PerDot = 26;

    /// <summary>A dot's diameter in pixels at scale 1.</summary>
    private const float DotSize = 10;

    /// <summary>Draws the rows, values in <paramref name="unit"/>; each of <paramref name="series"/> has a value per row.</summary>
    public static Chart Draw(string name, string caption, string title, string xTitle, string unit, IReadOnlyList<string> rows, IReadOnlyList<Series> series)
    {
        var plot = ChartStyle.New(title, xTitle, "");
        var n = rows.Count;
        var spacing = series.Count > 1 ? Math.Min(0.6 / series.Count, 0.25) : 0;
        var ends = new List<double>();
        for (var s = 0; s < series.Count; s++)
        {
            var offset = ((series.Count - 1) / 2.0 - s) * spacing;
            var colour = Palette.Colour(s);
            for (var i = 0; i < n; i++)
            {
                var (mean, half) = (series[s].Means[i], series[s].HalfWidths[i]);
                if (!double.IsFinite(mean))
                {
                    continue;
                }
                var position = n - 1 - i + offset;
                if (double.IsFinite(half) && half > 0)
                {
                    BarRows.Whisker(plot, position, mean - half, mean + half, Math.Max(spacing, 0.3) * 0.35);
                    ends.AddRange([mean - half, mean + half]);
                }
                plot.Add.Marker(mean, position, MarkerShape.FilledCircle, DotSize, colour);
                ends.Add(mean);
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = colour, MarkerLineColor = colour, MarkerSize = DotSize });
        }
        BarRows.WhiskerLegend(plot, "95% interval of the mean difference");
        plot.Add.VerticalLine(0, 1.5f, Palette.Axis, LinePattern.Dashed);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "0: no difference", LineColor = Palette.Axis, LineWidth = 1.5f, LinePattern = LinePattern.Dashed });
        Frame(plot, rows, ends, unit);
        plot.ShowLegend(Edge.Bottom);
        var titleLines = plot.Axes.Title.Label.Text.Count(c => c == '\n');
        return new Chart(name, caption, plot, height: 230 + (24 * titleLines) + (n * Math.Max(44, PerDot * series.Count)));
    }

    // Limits that hold every dot, every whisker and zero, with room either side; one unit either side of zero when nothing moved.
    private static void Frame(Plot plot, IReadOnlyList<string> rows, List<double> ends, string unit)
    {
        var low = Math.Min(0, ends.DefaultIfEmpty(0).Min());
        var high = Math.Max(0, ends.DefaultIfEmpty(0).Max());
        var pad = high > low ? (high - low) * 0.08 : 1;
        plot.Axes.SetLimits(low - pad, high + pad, -0.6, rows.Count - 0.4);
        ChartStyle.Categories(plot.Axes.Left, [.. rows.Reverse()]);
        ChartStyle.Ticks(plot.Axes.Bottom, unit);
    }
}
