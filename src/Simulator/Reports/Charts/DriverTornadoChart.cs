using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A tornado chart of one outcome's drivers: each uncertain input's standardised rank-regression coefficient
/// as a bar from zero with its 95% interval, largest |SRRC| on top, the input's name and share of variance on the axis.
/// </summary>
public static class DriverTornadoChart
{
    /// <summary>Draws <paramref name="result"/>'s inputs in tornado order, each named by <paramref name="inputLabel"/> (its path when none is given).</summary>
    public static Chart Draw(string name, string caption, string title, RankSensitivityResult result, Func<string, string>? inputLabel = null)
    {
        inputLabel ??= path => path;
        var sorted = result.Tornado;
        var plot = ChartStyle.New(title, "Standardised rank-regression coefficient (−1 to 1)", "");
        var n = sorted.Count;
        var rows = sorted.Select((input, i) => (Input: input, Segment: new BarRows.Segment(n - 1 - i, 0, input.Srrc, input.SrrcInterval.Low, input.SrrcInterval.High))).ToList();
        BarRows.Add(plot, [.. rows.Where(r => r.Input.Srrc >= 0).Select(r => r.Segment)], Palette.Colour(1), 0.55, "Raises the outcome");
        BarRows.Add(plot, [.. rows.Where(r => r.Input.Srrc < 0).Select(r => r.Segment)], Palette.Colour(0), 0.55, "Lowers the outcome");
        BarRows.WhiskerLegend(plot, "95% interval");
        BarRows.Frame(plot, [.. sorted.Select(i => $"{inputLabel(i.Name)} ({Quantity.Share(i.ContributionToVariance)} of variance)")],
            sorted.SelectMany(i => new[] { i.Srrc, i.SrrcInterval.Low, i.SrrcInterval.High }), "coefficient");
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return new Chart(name, caption, plot, height: BarRows.Height(n));
    }
}
