using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Horizontal bars on category rows with their 95% intervals as capped whiskers: the building block of the
/// tornado, driver, Sobol, provider-risk and zone charts. Row names go on the left axis, never over the bars.
/// </summary>
public static class BarRows
{
    /// <summary>One bar: its row position, where it starts and ends, and its interval (NaN ends: none).</summary>
    public readonly record struct Segment(double Position, double Base, double Value, double Low = double.NaN, double High = double.NaN);

    /// <summary>Adds <paramref name="segments"/> in <paramref name="colour"/>, <paramref name="thickness"/> rows thick, with a legend entry when <paramref name="legend"/> is not null.</summary>
    public static void Add(Plot plot, IReadOnlyList<Segment> segments, Color colour, double thickness, string? legend)
    {
        var bars = plot.Add.Bars(segments.Select(s => new Bar
        {
            Position = s.Position,
            ValueBase = s.Base,
            Value = s.Value,
            Size = thickness,
            FillColor = colour,
            LineWidth = 0,
        }).ToList());
        bars.Horizontal = true;
        if (legend is not null)
        {
            bars.LegendText = legend;
        }
        foreach (var s in segments.Where(s => double.IsFinite(s.Low) && double.IsFinite(s.High)))
        {
            Whisker(plot, s.Position, s.Low, s.High, thickness * 0.35);
        }
    }

    /// <summary>A capped horizontal whisker from <paramref name="low"/> to <paramref name="high"/> at row <paramref name="position"/>.</summary>
    public static void Whisker(Plot plot, double position, double low, double high, double capHalfHeight)
    {
        foreach (var line in new[] { plot.Add.Line(low, position, high, position), plot.Add.Line(low, position - capHalfHeight, low, position + capHalfHeight), plot.Add.Line(high, position - capHalfHeight, high, position + capHalfHeight) })
        {
            line.LineColor = Palette.Ink;
            line.LineWidth = 1.5f;
        }
    }

    /// <summary>A legend entry for the whiskers.</summary>
    public static void WhiskerLegend(Plot plot, string label) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, LineColor = Palette.Ink, LineWidth = 1.5f });

    /// <summary>One row a label on the y axis, <paramref name="labels"/> top first, and x limits that hold <paramref name="values"/> and 0.</summary>
    public static void Frame(Plot plot, IReadOnlyList<string> labels, IEnumerable<double> values, string unit)
    {
        var finite = values.Where(double.IsFinite).Append(0).ToList();
        var (low, high) = (finite.Min(), finite.Max());
        var pad = Math.Max(1e-9, (high - low) * 0.06);
        plot.Axes.SetLimits(low < 0 ? low - pad : 0, high > 0 ? high + pad : pad, -0.6, labels.Count - 0.4);
        ChartStyle.Categories(plot.Axes.Left, [.. labels.Reverse()]);
        ChartStyle.Ticks(plot.Axes.Bottom, unit);
        if (low < 0)
        {
            plot.Add.VerticalLine(0, 1.5f, Palette.Axis);
        }
    }

    /// <summary>The height for a chart of <paramref name="rows"/> rows.</summary>
    public static int Height(int rows, int perRow = 56) => Math.Max(360, 170 + (perRow * rows));
}
