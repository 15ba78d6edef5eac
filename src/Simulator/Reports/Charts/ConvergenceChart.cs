using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>A convergence plot: the running mean of an outcome against runs, with its 95% confidence band (± 1.96 standard errors).</summary>
public static class ConvergenceChart
{
    /// <summary>One checkpoint: runs so far, the mean, and the 95% half-width.</summary>
    public sealed record Point(long Runs, double Mean, double HalfWidth);

    /// <summary>Draws the checkpoints.</summary>
    public static Chart Draw(string name, string caption, string title, string yTitle, string unit, IReadOnlyList<Point> points)
    {
        var plot = ChartStyle.New(title, "Runs (simulated futures) so far", yTitle);
        var finite = points.Where(p => double.IsFinite(p.HalfWidth)).ToList();
        if (finite.Count > 1)
        {
            var band = plot.Add.FillY([.. finite.Select(p => (double)p.Runs)], [.. finite.Select(p => p.Mean - p.HalfWidth)], [.. finite.Select(p => p.Mean + p.HalfWidth)]);
            band.FillColor = Palette.Colour(4).WithAlpha(0.35);
            band.LineWidth = 0;
            band.LegendText = "95% confidence band (± 1.96 standard errors)";
        }
        var line = plot.Add.ScatterLine(points.Select(p => (double)p.Runs).ToArray(), points.Select(p => p.Mean).ToArray(), Palette.Colour(0));
        line.LineWidth = 2.5f;
        line.LegendText = "Running mean";
        ChartStyle.Ticks(plot.Axes.Bottom, "runs");
        ChartStyle.Ticks(plot.Axes.Left, unit);
        plot.ShowLegend(Edge.Bottom);
        return new Chart(name, caption, plot);
    }
}
