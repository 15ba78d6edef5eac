namespace MarketSim.Simulator.Reports;

/// <summary>
/// The footing a table (or a sentence) writes its figures on, so that figures of one unit compare at a glance: when one
/// figure of a unit is written with k, m or bn (£6.43m, 510k hours), that unit's figures from 1,000 are too (£5.16k, 7.02k,
/// not £5,157, 7,022); a unit whose figures all stay under 10,000 is written in full (£5,157).
/// </summary>
public sealed class Footing
{
    private readonly HashSet<string> _scaled;

    private Footing(HashSet<string> scaled) => _scaled = scaled;

    /// <summary>The footing of <paramref name="figures"/>, each with its schema unit (GBP, hours, people).</summary>
    public static Footing Of(IEnumerable<(double X, string Unit)> figures) =>
        new([.. figures.Where(f => double.IsFinite(f.X) && Math.Abs(f.X) >= 10_000).Select(f => f.Unit)]);

    /// <summary>Whether figures of <paramref name="unit"/> are written with k from 1,000.</summary>
    public bool Scales(string unit) => _scaled.Contains(unit);

    /// <summary><paramref name="x"/> in <paramref name="unit"/> as <see cref="Quantity.Format"/> writes it, on this footing.</summary>
    public string Format(double x, string unit, bool signed = false) => Quantity.Format(x, unit, signed, Scales(unit));

    /// <summary>
    /// <paramref name="x"/> and the half-width of its 95% interval in <paramref name="unit"/> on one scale, as
    /// <see cref="Quantity.PlusMinus"/> writes them, on this footing: "+£7.35k ± £1.25k" beside £385k.
    /// </summary>
    public string PlusMinus(double x, double halfWidth, string unit, bool signed = false) => Quantity.PlusMinus(x, halfWidth, unit, signed, Scales(unit));

    /// <summary>A percentile of a count of <paramref name="unit"/> as <see cref="Quantity.Count"/> writes it, on this footing.</summary>
    public string Count(double x, string unit) => Quantity.Count(x, Scales(unit));

    /// <summary>How a compact table writes a number of <paramref name="unit"/>: <see cref="Numbers.Scaled"/> or <see cref="Numbers.Compact"/>.</summary>
    public Func<double, string> Compact(string unit) => Scales(unit) ? Numbers.Scaled : Numbers.Compact;
}
