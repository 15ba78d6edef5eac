using MarketSim.Grains.Demand;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Randomness;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Demand;

/// <summary>
/// Package hours are drawn from an alias table of the rounded distribution (issue 14): every draw is a whole
/// number of quarter hours, and the draws follow P(k/4) = F((k + ½)/4) − F((k − ½)/4) from MathNet's CDF,
/// which is the distribution of MathNet's draw rounded to a quarter hour (at least one).
/// </summary>
public class PackageHoursTests
{
    /// <summary>The package hours of the bundled scenarios, a heavy log-normal tail, and short packages that pile up at a quarter hour.</summary>
    public static TheoryData<DistributionKind, double, double> Cases { get; } = new()
    {
        { DistributionKind.Gamma, 9.5, 6.5 },
        { DistributionKind.Gamma, 10, 6 },
        { DistributionKind.Gamma, 4, 2 },
        { DistributionKind.LogNormal, 20, 15 },
        { DistributionKind.LogNormal, 5, 10 },
        { DistributionKind.Exponential, 3, 0 },
        { DistributionKind.Gamma, 0.5, 0.6 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Draws_follow_the_quarter_hour_rounding_of_mathnets_cdf(DistributionKind kind, double mean, double sd)
    {
        var distribution = new Distribution(kind, mean, sd);

        var counts = CountQuarterHours(PackageHours.Of(distribution), seed: 409);

        AssertFollows(counts, distribution);
    }

    [Theory]
    [InlineData(DistributionKind.Gamma, 9.5, 6.5)]
    [InlineData(DistributionKind.LogNormal, 20, 15)]
    public void Draws_past_the_table_follow_the_same_rounding_of_mathnets_cdf(DistributionKind kind, double mean, double sd)
    {
        // A table that stops where a fifth is left above it, so that the tail drawn by inverting the CDF is a fifth of the draws.
        var distribution = new Distribution(kind, mean, sd);

        var counts = CountQuarterHours(new PackageHours(distribution, tailMass: 0.2), seed: 611);

        AssertFollows(counts, distribution);
        var tableEnd = distribution.InverseCdf(0.8) + 0.25;
        var tail = counts.Where(c => c.Key / 4.0 > tableEnd).Sum(c => c.Value);
        Assert.True(tail > SampleChecks.Draws / 10, $"only {tail} draws came from the tail");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reference_family_rounds_mathnets_draws(DistributionKind kind, double mean, double sd)
    {
        var distribution = new Distribution(kind, mean, sd);
        var hours = PackageHours.Of(distribution);
        var ours = new StreamRandom(13, SamplerFamily.MathNet);
        var theirs = new StreamRandom(13, SamplerFamily.MathNet);

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(Math.Max(0.25, Math.Round(distribution.Sample(theirs) * 4) / 4), hours.Sample(ours));
        }
    }

    [Fact]
    public void Fixed_hours_are_the_rounded_mean_and_draw_nothing()
    {
        var hours = PackageHours.Of(new Distribution(DistributionKind.Fixed, 7.4));
        var random = new StreamRandom(5);
        var untouched = new StreamRandom(5);

        Assert.Equal(7.5, hours.Sample(random));
        Assert.Equal(untouched.NextDouble(), random.NextDouble());
    }

    /// <summary><see cref="SampleChecks.Draws"/> draws, counted by quarter hours; each must be a whole number of them, at least one.</summary>
    private static Dictionary<int, int> CountQuarterHours(PackageHours hours, int seed)
    {
        var random = new StreamRandom((ulong)seed);
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < SampleChecks.Draws; i++)
        {
            var quarters = hours.Sample(random) * 4;
            Assert.True(quarters >= 1 && quarters == Math.Floor(quarters), $"{quarters / 4} hours is not a whole number of quarter hours");
            counts[(int)quarters] = counts.GetValueOrDefault((int)quarters) + 1;
        }
        return counts;
    }

    /// <summary>Fails unless the chi-square test of <paramref name="counts"/> against the rounded distribution passes at α = 0.001.</summary>
    private static void AssertFollows(Dictionary<int, int> counts, Distribution distribution)
    {
        var (statistic, degrees) = ChiSquare(counts, distribution);
        var critical = ChiSquared.InvCDF(degrees, 0.999);
        Assert.True(statistic < critical, $"{distribution}: chi-square {statistic:F1} on {degrees} degrees of freedom exceeds {critical:F1} (alpha 0.001)");
    }

    /// <summary>
    /// Pearson's statistic of the draws against P(k/4) = F((k + ½)/4) − F((k − ½)/4) (everything below 3/8 hours is
    /// a quarter hour), quarter hours pooled from the bottom so that every cell expects at least 5 draws.
    /// </summary>
    private static (double Statistic, int Degrees) ChiSquare(Dictionary<int, int> counts, Distribution d)
    {
        var n = (double)SampleChecks.Draws;
        var cells = new List<(double Observed, double Expected)>();
        var (observed, expected) = (0.0, 0.0);
        for (var k = 1; ; k++)
        {
            var upper = d.Cdf((k + 0.5) / 4);
            observed += counts.GetValueOrDefault(k);
            expected += n * (upper - (k == 1 ? 0 : d.Cdf((k - 0.5) / 4)));
            var tail = n * (1 - upper);
            if (tail < 5)
            {
                observed += counts.Where(c => c.Key > k).Sum(c => c.Value);
                expected += tail;
                if (expected < 5)
                {
                    var last = cells[^1];
                    cells.RemoveAt(cells.Count - 1);
                    (observed, expected) = (observed + last.Observed, expected + last.Expected);
                }
                cells.Add((observed, expected));
                break;
            }
            if (expected >= 5)
            {
                cells.Add((observed, expected));
                (observed, expected) = (0, 0);
            }
        }
        Assert.Equal(n, cells.Sum(c => c.Observed));
        return (cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected), cells.Count - 1);
    }
}
