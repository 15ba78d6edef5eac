using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Randomness;

/// <summary>
/// The scenario distributions drawn with the engine's samplers follow MathNet's CDFs, and their residuals
/// (what a package under way has left) follow the equilibrium CDF F_e(x) = (1/m) ∫₀ˣ (1 − F), worked out in closed form.
/// </summary>
public class DistributionSamplingTests
{
    /// <summary>The scenarios' package hours and lengths (lognormal 20 ± 15, gamma 9.5 ± 6.5, 10 ± 6, 4 ± 2, exponential 52 and 78), a gamma with shape below 1, and one with shape 1.</summary>
    public static TheoryData<DistributionKind, double, double> Cases { get; } = new()
    {
        { DistributionKind.LogNormal, 20, 15 },
        { DistributionKind.LogNormal, 5, 10 },
        { DistributionKind.Gamma, 9.5, 6.5 },
        { DistributionKind.Gamma, 10, 6 },
        { DistributionKind.Gamma, 4, 2 },
        { DistributionKind.Gamma, 1, 1.5 },
        { DistributionKind.Gamma, 3, 3 },
        { DistributionKind.Exponential, 52, 0 },
        { DistributionKind.Exponential, 78, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Draws_follow_mathnets_cdf(DistributionKind kind, double mean, double sd)
    {
        var distribution = new Distribution(kind, mean, sd);
        var random = new StreamRandom(501);
        var sample = SampleChecks.Sample(() => distribution.Sample(random));
        var variance = distribution.Sd * distribution.Sd;
        SampleChecks.AssertMoments(sample, mean, variance, FourthCentralMoment(distribution), $"{kind}({mean}, {distribution.Sd})");
        SampleChecks.AssertFollows(sample, Cdf(distribution), $"{kind}({mean}, {distribution.Sd})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    [InlineData(DistributionKind.Fixed, 26, 0)]
    public void Residuals_follow_the_equilibrium_cdf(DistributionKind kind, double mean, double sd)
    {
        var distribution = new Distribution(kind, mean, sd);
        var random = new StreamRandom(502);
        var sample = SampleChecks.Sample(() => distribution.SampleResidual(random));
        var cdf = Cdf(distribution);
        Func<double, double> equilibrium = kind switch
        {
            DistributionKind.Fixed => x => Math.Clamp(x / mean, 0, 1),
            DistributionKind.Exponential => cdf,
            DistributionKind.Gamma => x => (x * (1 - cdf(x)) / mean) + Gamma.CDF(Shape(distribution) + 1, Shape(distribution) / mean, x),
            _ => x => x <= 0 ? 0 : (x * (1 - cdf(x)) / mean) + Normal.CDF(0, 1, (Math.Log(x) - Mu(distribution) - (Sigma(distribution) * Sigma(distribution))) / Sigma(distribution)),
        };
        SampleChecks.AssertFollows(sample, equilibrium, $"residual of {kind}({mean}, {distribution.Sd})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_reference_stream_draws_mathnets_samples_exactly(DistributionKind kind, double mean, double sd)
    {
        var distribution = new Distribution(kind, mean, sd);
        var ours = new StreamRandom(503, SamplerFamily.MathNet);
        var theirs = new StreamRandom(503);
        for (var i = 0; i < 1000; i++)
        {
            var expected = kind switch
            {
                DistributionKind.Exponential => Exponential.Sample(theirs, 1 / mean),
                DistributionKind.Gamma => Gamma.Sample(theirs, Shape(distribution), Shape(distribution) / mean),
                _ => LogNormal.Sample(theirs, Mu(distribution), Sigma(distribution)),
            };
            Assert.Equal(expected, distribution.Sample(ours));
        }
    }

    private static double Shape(Distribution d) => d.Mean * d.Mean / (d.Sd * d.Sd);

    private static double Sigma(Distribution d) => Math.Sqrt(Math.Log(1 + (d.Sd * d.Sd / (d.Mean * d.Mean))));

    private static double Mu(Distribution d) => Math.Log(d.Mean) - (Sigma(d) * Sigma(d) / 2);

    private static Func<double, double> Cdf(Distribution d) => d.Kind switch
    {
        DistributionKind.Exponential => x => Exponential.CDF(1 / d.Mean, x),
        DistributionKind.Gamma => x => Gamma.CDF(Shape(d), Shape(d) / d.Mean, x),
        DistributionKind.LogNormal => x => x <= 0 ? 0 : LogNormal.CDF(Mu(d), Sigma(d), x),
        _ => x => x < d.Mean ? 0 : 1,
    };

    /// <summary>E[(X − m)⁴] from the raw moments: exponential 9m⁴, gamma σ⁴(3 + 6/k), log-normal from E[Xⁿ] = e^(nμ + n²σ²/2).</summary>
    private static double FourthCentralMoment(Distribution d)
    {
        var variance = d.Sd * d.Sd;
        if (d.Kind != DistributionKind.LogNormal)
        {
            return variance * variance * (3 + (6 / Shape(d)));
        }
        double Raw(int n) => Math.Exp((n * Mu(d)) + (n * n * Sigma(d) * Sigma(d) / 2));
        var m = d.Mean;
        return Raw(4) - (4 * m * Raw(3)) + (6 * m * m * Raw(2)) - (3 * m * m * m * m);
    }
}
