namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Sobol indices of one outcome: for each input (a row, largest total on top) a bar for its first-order index
/// (its share of the variance alone) and one for its total index (with its interactions), each with its
/// bootstrap 95% interval. Shares are drawn in percent.
/// </summary>
public static class SobolChart
{
    /// <summary>One input's indices and intervals, as shares of the variance (0 to 1).</summary>
    public sealed record Bar(string Label, double FirstOrder, double FirstOrderLow, double FirstOrderHigh, double Total, double TotalLow, double TotalHigh);

    /// <summary>Draws the bars, sorted by total index.</summary>
    public static Chart Draw(string name, string caption, string title, string xTitle, IReadOnlyList<Bar> bars)
    {
        var sorted = bars.OrderByDescending(b => b.Total).ToList();
        var plot = ChartStyle.New(title, xTitle, "");
        var n = sorted.Count;
        BarRows.Add(plot, [.. sorted.Select((b, i) => new BarRows.Segment(n - 1 - i + 0.18, 0, b.FirstOrder, b.FirstOrderLow, b.FirstOrderHigh))], Palette.Colour(0), 0.34, "First-order (the input alone)");
        BarRows.Add(plot, [.. sorted.Select((b, i) => new BarRows.Segment(n - 1 - i - 0.18, 0, b.Total, b.TotalLow, b.TotalHigh))], Palette.Colour(1), 0.34, "Total (with its interactions)");
        BarRows.WhiskerLegend(plot, "Bootstrap 95% interval");
        BarRows.Frame(plot, [.. sorted.Select(b => b.Label)], sorted.SelectMany(b => new[] { b.FirstOrderLow, b.FirstOrderHigh, b.TotalLow, b.TotalHigh, b.FirstOrder, b.Total, 1.0 }), "share");
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return new Chart(name, caption, plot, height: BarRows.Height(n, 64));
    }
}
