namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A one-at-a-time tornado chart: for each input (a row, largest swing on top), the change in the outcome's
/// mean from the base case with the input at its low and at its high value, each with its 95% interval.
/// </summary>
public static class TornadoChart
{
    /// <summary>One input's effects: the change in the outcome at its low and its high value, and their 95% half-widths.</summary>
    public sealed record Bar(string Label, double LowEffect, double HighEffect, double LowHalfWidth = double.NaN, double HighHalfWidth = double.NaN);

    /// <summary>The bars in drawing order, largest swing first.</summary>
    public static List<Bar> Order(IEnumerable<Bar> bars) => [.. bars.OrderByDescending(b => Math.Abs(b.HighEffect - b.LowEffect))];

    /// <summary>Draws the bars, sorted by swing, changes in <paramref name="unit"/>.</summary>
    public static Chart Draw(string name, string caption, string title, string xTitle, string unit, IReadOnlyList<Bar> bars)
    {
        var sorted = Order(bars);
        var plot = ChartStyle.New(title, xTitle, "");
        var n = sorted.Count;
        BarRows.Add(plot, [.. sorted.Select((b, i) => new BarRows.Segment(n - 1 - i + 0.18, 0, b.LowEffect, b.LowEffect - b.LowHalfWidth, b.LowEffect + b.LowHalfWidth))], Palette.Colour(0), 0.34, "Input at its low value");
        BarRows.Add(plot, [.. sorted.Select((b, i) => new BarRows.Segment(n - 1 - i - 0.18, 0, b.HighEffect, b.HighEffect - b.HighHalfWidth, b.HighEffect + b.HighHalfWidth))], Palette.Colour(1), 0.34, "Input at its high value");
        BarRows.WhiskerLegend(plot, "95% interval");
        BarRows.Frame(plot, [.. sorted.Select(b => b.Label)], sorted.SelectMany(b => new[] { b.LowEffect - b.LowHalfWidth, b.LowEffect + b.LowHalfWidth, b.HighEffect - b.HighHalfWidth, b.HighEffect + b.HighHalfWidth, b.LowEffect, b.HighEffect }), unit);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return new Chart(name, caption, plot, height: BarRows.Height(n, 64));
    }
}
