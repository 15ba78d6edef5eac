using System.Collections.Concurrent;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// The weekly hours of a new package: a draw of the scenario's distribution in 15-minute units (care is
/// commissioned in quarter hours), at least a quarter hour. The engine draws the rounded distribution
/// itself, from an <see cref="AliasTable"/> of the probability of each quarter hour worked out from
/// MathNet's CDF: one uniform a package instead of a gamma or log-normal draw and a rounding. The last
/// column of the table is the far tail (less than <see cref="TailMass"/>), drawn there by inverting the CDF.
/// The reference family (<see cref="SamplerFamily.MathNet"/>) rounds MathNet's draw.
/// </summary>
public sealed class PackageHours
{
    /// <summary>The tail past the table's quarter hours: small enough for the table to stay in the L1 cache, rare enough that inverting the CDF there costs nothing.</summary>
    public const double TailMass = 1e-6;

    /// <summary>The most quarter hours a table holds (16,384 hours a week) whatever is left past them.</summary>
    private const int MostQuarterHours = 1 << 16;

    private const int CacheSize = 64;
    private static readonly ConcurrentDictionary<Distribution, PackageHours> Cache = new();
    private readonly Distribution _distribution;
    private readonly AliasTable? _table;
    private readonly int _tail;
    private readonly double _belowTail;

    /// <summary>Package hours of <paramref name="distribution"/>, the table stopping where less than <paramref name="tailMass"/> is left above it.</summary>
    internal PackageHours(Distribution distribution, double tailMass = TailMass)
    {
        _distribution = distribution;
        if (distribution.Kind == DistributionKind.Fixed)
        {
            return;
        }
        var probabilities = new List<double>();
        var below = 0.0;
        for (var k = 1; k <= MostQuarterHours && 1 - below >= tailMass; k++)
        {
            var cdf = distribution.Cdf((k + 0.5) / 4);
            probabilities.Add(cdf - below);
            below = cdf;
        }
        _tail = probabilities.Count;
        _belowTail = below;
        probabilities.Add(Math.Max(0, 1 - below));
        _table = new AliasTable(probabilities.ToArray());
    }

    /// <summary>
    /// Package hours of <paramref name="distribution"/>. They are kept across markets by distribution (each
    /// thread and each run of an uncertain scenario builds a market), so a distribution's table is built once.
    /// </summary>
    public static PackageHours Of(Distribution distribution)
    {
        if (Cache.TryGetValue(distribution, out var hours))
        {
            return hours;
        }
        hours = new PackageHours(distribution);
        if (Cache.Count < CacheSize)
        {
            Cache.TryAdd(distribution, hours);
        }
        return hours;
    }

    /// <summary>One package's hours a week, drawn from <paramref name="random"/>.</summary>
    public double Sample(StreamRandom random)
    {
        if (_table is null || random.Samplers == SamplerFamily.MathNet)
        {
            return Rounded(_distribution.Sample(random));
        }
        var k = _table.Sample(ref random.State);
        return k < _tail ? (k + 1) * 0.25 : Tail(random);
    }

    /// <summary>Hours rounded to the nearest quarter hour, at least a quarter hour.</summary>
    private static double Rounded(double hours) => Math.Max(0.25, Math.Round(hours * 4) / 4);

    /// <summary>A draw from the tail past the table: the CDF inverted at a uniform point above <see cref="_belowTail"/>.</summary>
    private double Tail(StreamRandom random)
    {
        var p = Math.Min(_belowTail + (random.NextDouble() * (1 - _belowTail)), Math.BitDecrement(1.0));
        return Math.Max((_tail + 1) * 0.25, Rounded(_distribution.InverseCdf(p)));
    }
}
