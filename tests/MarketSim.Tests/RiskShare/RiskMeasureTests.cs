using MarketSim.Grains.Randomness;
using MarketSim.Simulator.Statistics;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.RiskShare;

/// <summary>VaR and CVaR from a sample against their closed forms, within four standard errors.</summary>
public class RiskMeasureTests
{
    private const int N = 200_000;

    [Fact]
    public void VaR_and_CVaR_of_a_normal_sample_match_the_closed_forms()
    {
        const double mu = 2, sigma = 3;
        var random = new StreamRandom(99);
        var sample = Enumerable.Range(0, N).Select(_ => Normal.Sample(random, mu, sigma)).Order().ToList();

        var z = Normal.InvCDF(0, 1, 0.95);
        var var95 = mu + (sigma * z);
        var cvar95 = mu + (sigma * Normal.PDF(0, 1, z) / 0.05);

        // Asymptotic standard errors: √(α(1−α)/n)/f(VaR) for VaR; √(Var(L | L > VaR)/(n(1−α)) + …) bounded by the tail variance for CVaR.
        var varSe = Math.Sqrt(0.95 * 0.05 / N) / Normal.PDF(mu, sigma, var95);
        var cvarSe = Math.Sqrt((sigma * sigma) / (N * 0.05));
        Assert.InRange(RiskMeasures.ValueAtRisk(sample, 0.95), var95 - (4 * varSe), var95 + (4 * varSe));
        Assert.InRange(RiskMeasures.ConditionalValueAtRisk(sample, 0.95), cvar95 - (4 * cvarSe), cvar95 + (4 * cvarSe));
    }

    [Fact]
    public void VaR_and_CVaR_of_an_exponential_sample_match_the_closed_forms()
    {
        const double rate = 0.5;
        var random = new StreamRandom(7);
        var sample = Enumerable.Range(0, N).Select(_ => Exponential.Sample(random, rate)).Order().ToList();

        var var95 = -Math.Log(0.05) / rate;
        var cvar95 = var95 + (1 / rate);

        var varSe = Math.Sqrt(0.95 * 0.05 / N) / (rate * 0.05);
        var cvarSe = Math.Sqrt((1 / (rate * rate)) / (N * 0.05)) * 1.5;
        Assert.InRange(RiskMeasures.ValueAtRisk(sample, 0.95), var95 - (4 * varSe), var95 + (4 * varSe));
        Assert.InRange(RiskMeasures.ConditionalValueAtRisk(sample, 0.95), cvar95 - (4 * cvarSe), cvar95 + (4 * cvarSe));
    }

    [Theory]
    [InlineData(1000, 50)]
    [InlineData(20, 1)]
    [InlineData(200, 10)]
    [InlineData(30, 2)]
    public void CVaR_95_is_the_mean_of_exactly_the_worst_5_percent_of_runs_rounded_up(int n, int worst)
    {
        var sample = Enumerable.Range(1, n).Select(i => (double)i).ToList();

        var expected = Enumerable.Range(n - worst + 1, worst).Average();

        Assert.Equal(expected, RiskMeasures.ConditionalValueAtRisk(sample, 0.95));
    }

    [Fact]
    public void CVaR_of_a_sample_smaller_than_the_tail_is_its_worst_value()
    {
        Assert.Equal(7.0, RiskMeasures.ConditionalValueAtRisk([3.0, 7.0], 0.95));
    }
}
