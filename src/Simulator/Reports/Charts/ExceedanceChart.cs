using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>An exceedance curve: the share of runs in which an outcome is above each value, P(outcome &gt; x), as a step line.</summary>
public static class ExceedanceChart
{
    private const int MostPoints = 400;

    /// <summary>Draws the curve of <paramref name="sorted"/> (ascending), values in <paramref name="unit"/>.</summary>
    public static Chart Draw(string name, string caption, string title, string xTitle, string unit, IReadOnlyList<double> sorted)
    {
        var plot = ChartStyle.New(title, xTitle, "Chance the outcome is above x");
        var n = sorted.Count;
        var stride = Math.Max(1, n / MostPoints);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < n; i += stride)
        {
            xs.Add(sorted[i]);
            ys.Add(1 - ((i + 1) / (double)n));
        }
        xs.Add(sorted[^1]);
        ys.Add(0);
        var curve = plot.Add.ScatterLine(xs, ys, Palette.Colour(0));
        curve.LineWidth = 2.5f;
        curve.ConnectStyle = ConnectStyle.StepHorizontal;
        var span = sorted[^1] - sorted[0];
        plot.Axes.SetLimits(sorted[0] - (span * 0.03), sorted[^1] + (span * 0.03), 0, 1.02);
        ChartStyle.Ticks(plot.Axes.Bottom, unit);
        ChartStyle.Ticks(plot.Axes.Left, "share");
        return new Chart(name, caption, plot);
    }
}
