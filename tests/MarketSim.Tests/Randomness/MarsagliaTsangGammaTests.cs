using MarketSim.Grains.Randomness;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Randomness;

public class MarsagliaTsangGammaTests
{
    /// <summary>
    /// Shapes the scenarios use (package hours 9.5 ± 6.5 is k = 2.14, 10 ± 6 is 2.78, 4 ± 2 is 4; other work
    /// 0.43 ± 0.2 is 4.6; the residuals add 1), the edges of the method (k &lt; 1 boosted, k = 1) and a large shape.
    /// </summary>
    [Theory]
    [InlineData(0.3, 1.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.9, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.5, 0.5)]
    [InlineData(2.136, 0.2249)]
    [InlineData(2.778, 0.2778)]
    [InlineData(3.136, 0.2249)]
    [InlineData(4.0, 1.0)]
    [InlineData(4.623, 10.75)]
    [InlineData(20.0, 3.0)]
    public void Draws_follow_mathnets_gamma_cdf(double shape, double rate)
    {
        var gamma = new MarsagliaTsangGamma(shape, rate);
        var state = new Xoshiro256StarStar(301);
        var sample = SampleChecks.Sample(() => gamma.Sample(ref state));
        var variance = shape / (rate * rate);
        SampleChecks.AssertMoments(sample, shape / rate, variance, variance * variance * (3 + (6 / shape)), $"Gamma({shape}, {rate})");
        SampleChecks.AssertFollows(sample, x => Gamma.CDF(shape, rate, x), $"Gamma({shape}, {rate})");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Shape_and_rate_must_be_positive_and_finite(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarsagliaTsangGamma(bad, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarsagliaTsangGamma(1, bad));
    }
}
