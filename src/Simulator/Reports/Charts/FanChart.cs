using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>A fan chart of a monthly series: the middle 90% (P5–P95) and middle 50% (P25–P75) of runs as bands, and the median line.</summary>
public static class FanChart
{
    /// <summary>Draws the quantile paths by month (index 0 = month 1); <paramref name="monthLabel"/> names a month on the x axis.</summary>
    public static Chart Draw(string name, string caption, string title, string yTitle, string unit, double[] p5, double[] p25, double[] p50, double[] p75, double[] p95, Func<int, string> monthLabel)
    {
        var plot = ChartStyle.New(title, "Month", yTitle);
        var months = Enumerable.Range(0, p50.Length).Where(m => double.IsFinite(p5[m]) && double.IsFinite(p95[m]) && double.IsFinite(p50[m])).ToArray();
        double[] xs = [.. months.Select(m => (double)m)];
        double[] At(double[] path) => [.. months.Select(m => path[m])];
        var outer = plot.Add.FillY(xs, At(p5), At(p95));
        outer.FillColor = Palette.Colour(4).WithAlpha(0.3);
        outer.LineWidth = 0;
        outer.LegendText = "Middle 90% of futures (P5 to P95)";
        var inner = plot.Add.FillY(xs, At(p25), At(p75));
        inner.FillColor = Palette.Colour(0).WithAlpha(0.45);
        inner.LineWidth = 0;
        inner.LegendText = "Middle 50% (P25 to P75)";
        var median = plot.Add.ScatterLine(xs, At(p50), Palette.Colour(5));
        median.LineWidth = 2.5f;
        median.LegendText = "Median";
        var every = Math.Max(1, (int)Math.Ceiling(p50.Length / 8.0));
        var ticks = Enumerable.Range(0, p50.Length).Where(m => m % every == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(m => (double)m)], [.. ticks.Select(monthLabel)]);
        ChartStyle.Ticks(plot.Axes.Left, unit);
        plot.Axes.Margins(horizontal: 0.01, vertical: 0.08);
        plot.ShowLegend(Edge.Bottom);
        return new Chart(name, caption, plot);
    }
}
