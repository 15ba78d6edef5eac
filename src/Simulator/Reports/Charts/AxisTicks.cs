using ScottPlot;
using ScottPlot.TickGenerators;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// ScottPlot's automatic ticks labelled as <see cref="ChartStyle.Tick"/> writes <paramref name="unit"/>, with one number of
/// decimals and one suffix on the whole axis, the fewest decimals that write every tick exactly (0%, 2%, 4% … 12%, not
/// 0%, 2.0% … 10%, 12%; 0, 20k … 100k, not 0, 20.0k … 100k); a count of runs is ticked at whole numbers only.
/// </summary>
internal sealed class AxisTicks(string unit) : ITickGenerator
{
    private readonly NumericAutomatic _automatic = new();

    public Tick[] Ticks { get => _automatic.Ticks; set => _automatic.Ticks = value; }

    public int MaxTickCount { get => _automatic.MaxTickCount; set => _automatic.MaxTickCount = value; }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var axisMax = Math.Max(Math.Abs(range.Min), Math.Abs(range.Max));
        _automatic.IntegerTicksOnly = unit == "runs";
        _automatic.LabelFormatter = v => ChartStyle.Tick(v, unit, axisMax, ChartStyle.TickDecimals([v], unit, axisMax));
        _automatic.Regenerate(range, edge, size, paint, labelStyle);
        var decimals = Decimals(axisMax);
        _automatic.LabelFormatter = v => ChartStyle.Tick(v, unit, axisMax, decimals);
        _automatic.Regenerate(range, edge, size, paint, labelStyle);
        if (Decimals(axisMax) != decimals)
        {
            decimals = Decimals(axisMax);
            _automatic.Ticks = [.. _automatic.Ticks.Select(t => t.IsMajor ? new Tick(t.Position, ChartStyle.Tick(t.Position, unit, axisMax, decimals), true) : t)];
        }
    }

    private int Decimals(double axisMax) => ChartStyle.TickDecimals([.. _automatic.Ticks.Where(t => t.IsMajor).Select(t => t.Position)], unit, axisMax);
}
