using ScottPlot;
using ScottPlot.TickGenerators;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// ScottPlot's automatic ticks labelled as <see cref="ChartStyle.Tick"/> writes <paramref name="unit"/>, with one number of
/// decimals on the whole axis, the fewest that write every tick exactly (0%, 2%, 4% … 12%, not 0%, 2.0% … 10%, 12%).
/// </summary>
internal sealed class AxisTicks(string unit) : ITickGenerator
{
    private readonly NumericAutomatic _automatic = new();

    public Tick[] Ticks { get => _automatic.Ticks; set => _automatic.Ticks = value; }

    public int MaxTickCount { get => _automatic.MaxTickCount; set => _automatic.MaxTickCount = value; }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var scaled = ChartStyle.Scaled(range.Min, range.Max);
        _automatic.LabelFormatter = v => ChartStyle.Tick(v, unit, scaled, ChartStyle.TickDecimals([v], unit));
        _automatic.Regenerate(range, edge, size, paint, labelStyle);
        var decimals = Decimals();
        _automatic.LabelFormatter = v => ChartStyle.Tick(v, unit, scaled, decimals);
        _automatic.Regenerate(range, edge, size, paint, labelStyle);
        if (Decimals() != decimals)
        {
            decimals = Decimals();
            _automatic.Ticks = [.. _automatic.Ticks.Select(t => t.IsMajor ? new Tick(t.Position, ChartStyle.Tick(t.Position, unit, scaled, decimals), true) : t)];
        }
    }

    private int Decimals() => ChartStyle.TickDecimals([.. _automatic.Ticks.Where(t => t.IsMajor).Select(t => t.Position)], unit);
}
