using System.Globalization;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// An axis scale with "nice" ticks: steps of 1, 2, 2.5 or 5 times a power of ten, from a tick at or
/// below the data's minimum to one at or above its maximum.
/// </summary>
public sealed class NiceScale
{
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];

    /// <summary>A scale covering [<paramref name="min"/>, <paramref name="max"/>] with about <paramref name="targetTicks"/> ticks.</summary>
    public NiceScale(double min, double max, int targetTicks = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }
        if (max < min)
        {
            (min, max) = (max, min);
        }
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            var pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
        }
        var rough = (max - min) / Math.Max(1, targetTicks - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var nice = Steps.First(s => s * magnitude >= rough * (1 - 1e-9));
        Step = nice * magnitude;
        Min = Math.Floor((min / Step) + 1e-9) * Step;
        Max = Math.Ceiling((max / Step) - 1e-9) * Step;
        var count = (int)Math.Round((Max - Min) / Step);
        Ticks = [.. Enumerable.Range(0, count + 1).Select(i => Clean(Min + (i * Step)))];
        Decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9) + (nice == 2.5 ? 1 : 0));
    }

    /// <summary>The first tick.</summary>
    public double Min { get; }

    /// <summary>The last tick.</summary>
    public double Max { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>The ticks, from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Decimals needed to print a tick exactly.</summary>
    public int Decimals { get; }

    /// <summary>Where <paramref name="value"/> falls, as a share of the way from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    /// <summary>A tick label: thousands separated, or in thousands (k) or millions (m) when large.</summary>
    public string Label(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        var magnitude = Math.Max(Math.Abs(Min), Math.Abs(Max));
        var (scale, suffix) = magnitude >= 1e6 ? (1e6, "m") : magnitude >= 1e4 ? (1e3, "k") : (1.0, "");
        var step = Step / scale;
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9) + (Math.Abs((step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9))) - 2.5) < 1e-9 ? 1 : 0));
        return (value / scale).ToString("N" + decimals, CultureInfo.InvariantCulture) + suffix;
    }

    private double Clean(double tick) => Math.Abs(tick) < Step * 1e-9 ? 0 : Math.Round(tick / Step) * Step;
}
