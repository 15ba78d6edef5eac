using MarketSim.Grains.Providers;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;

namespace MarketSim.Tests.Providers;

/// <summary>
/// A provider's other work drifts by an AR(1) on its log (<see cref="OtherWorkDrift"/>): the log keeps the
/// mean ψ(k) − ln β and variance ψ₁(k) of the first-year gamma draw, and its correlation n years apart is ρⁿ.
/// </summary>
public class OtherWorkDriftTests
{
    private const double Mean = 0.43;
    private const double Sd = 0.2;

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(10.0)]
    public void Trigamma_matches_its_closed_forms(double x)
    {
        // ψ₁(1) = π²/6; ψ₁(1/2) = π²/2; ψ₁(10) = π²/6 − Σ_(k=1..9) 1/k².
        var expected = x switch
        {
            1.0 => Math.PI * Math.PI / 6,
            0.5 => Math.PI * Math.PI / 2,
            _ => (Math.PI * Math.PI / 6) - Enumerable.Range(1, 9).Sum(k => 1.0 / (k * k)),
        };

        Assert.Equal(expected, OtherWorkDrift.Trigamma(x), 12);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.3)]
    public void The_log_of_other_work_keeps_its_mean_and_variance_and_is_correlated_rho_to_the_n_over_n_years(double rho)
    {
        const int chains = 40_000;
        const int batches = 40;
        var drift = new OtherWorkDrift(Mean, Sd, rho);
        var first = new Distribution(DistributionKind.Gamma, Mean, Sd);
        var random = new StreamRandom(20261129);
        var logs = new double[4][];
        for (var y = 0; y < logs.Length; y++)
        {
            logs[y] = new double[chains];
        }
        for (var c = 0; c < chains; c++)
        {
            var ratio = first.Sample(random);
            logs[0][c] = Math.Log(ratio);
            for (var y = 1; y < logs.Length; y++)
            {
                ratio = drift.Next(ratio, random);
                logs[y][c] = Math.Log(ratio);
            }
        }

        // Year 0 is the gamma draw itself: its log has mean ψ(k) − ln β and variance ψ₁(k).
        foreach (var y in new[] { 0, 3 })
        {
            AssertWithin4Se(drift.LogMean, logs[y].Average(), drift.LogSd / Math.Sqrt(chains));
            var variance = Variance(logs[y]);
            var (_, varianceSe) = BatchMeans(logs[y], logs[y], batches, (a, _) => Variance(a));
            AssertWithin4Se(drift.LogSd * drift.LogSd, variance, varianceSe);
        }
        foreach (var (from, to) in new[] { (0, 1), (0, 2), (1, 3) })
        {
            var (correlation, se) = BatchMeans(logs[from], logs[to], batches, Correlation);
            AssertWithin4Se(Math.Pow(rho, to - from), correlation, se);
        }
    }

    [Theory]
    [InlineData(0.43, 0.2, 1.0)]
    [InlineData(0.43, 0.0, 0.7)]
    [InlineData(0.0, 0.2, 0.7)]
    public void Persistence_one_sd_zero_or_no_other_work_keeps_the_first_draw_for_the_run(double mean, double sd, double persistence)
    {
        var costs = new CostSpec(0, 0, 0, 0, 0, OtherWorkHoursPerCapacityHour: mean, OtherWorkHoursSd: sd, OtherWorkPersistence: persistence);

        Assert.Null(costs.OtherWorkDrift());
    }

    [Fact]
    public void Persistence_one_with_a_draw_returns_the_same_ratio_and_zero_returns_an_independent_draw_of_the_log()
    {
        // ρ = 1: log r' = μ + (log r − μ) + 0 · ε, which is r up to rounding. ρ = 0: log r' = μ + σ ε.
        var random = new StreamRandom(7);
        Assert.Equal(0.3, new OtherWorkDrift(Mean, Sd, 1).Next(0.3, random), 14);
        var independent = new OtherWorkDrift(Mean, Sd, 0);
        var a = new StreamRandom(11);
        var b = new StreamRandom(11);
        Assert.Equal(independent.Next(0.05, a), independent.Next(5, b));
    }

    private static void AssertWithin4Se(double expected, double actual, double se) =>
        Assert.True(Math.Abs(actual - expected) <= 4 * se, $"expected {expected:F5}, got {actual:F5} (SE {se:F5})");

    /// <summary>The statistic on all the data, and its standard error from the spread of the statistic over equal batches.</summary>
    private static (double Value, double Se) BatchMeans(double[] x, double[] y, int batches, Func<double[], double[], double> statistic)
    {
        var size = x.Length / batches;
        var values = Enumerable.Range(0, batches).Select(b => statistic(x[(b * size)..((b + 1) * size)], y[(b * size)..((b + 1) * size)])).ToArray();
        return (statistic(x, y), Math.Sqrt(Variance(values) / batches));
    }

    private static double Variance(double[] x)
    {
        var mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
