using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Distributions;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Uncertainty;

/// <summary>
/// Every kind of uncertain input, sampled by its inverse CDF from the uniforms of its own stream, matches its
/// exact mean and variance within 4 standard errors and passes a goodness-of-fit test at 1%, at a fixed seed.
/// </summary>
public class InputDistributionTests
{
    private const int Draws = 20_000;
    private const ulong Seed = 2026;

    /// <summary>Kolmogorov–Smirnov critical value at 1% for large n: 1.628 / √n.</summary>
    private static readonly double KsCritical = 1.628 / Math.Sqrt(Draws);

    private static readonly string[] Names =
        ["uniform", "triangular", "pert", "pert_lambda_2", "normal", "normal_truncated", "lognormal", "lognormal_truncated", "gamma", "gamma_truncated", "beta", "beta_scaled", "discrete", "empirical"];

    public static TheoryData<string> Kinds() => [.. Names];

    private static InputDistribution Make(string name) => name switch
    {
        "uniform" => InputDistributions.Uniform(0.01, 0.04),
        "triangular" => InputDistributions.Triangular(0.01, 0.02, 0.04),
        "pert" => InputDistributions.Pert(0.02, 0.03, 0.06),
        "pert_lambda_2" => InputDistributions.Pert(10, 12, 20, lambda: 2),
        "normal" => InputDistributions.Normal(100, 15),
        "normal_truncated" => InputDistributions.Normal(0.02, 0.02, min: 0, max: 0.05),
        "lognormal" => InputDistributions.LogNormal(14.36, 2),
        "lognormal_truncated" => InputDistributions.LogNormal(14.36, 4, min: 10, max: 20),
        "gamma" => InputDistributions.Gamma(shape: 3, scale: 2),
        "gamma_truncated" => InputDistributions.Gamma(shape: 2, scale: 5, max: 15),
        "beta" => InputDistributions.Beta(2, 5),
        "beta_scaled" => InputDistributions.Beta(0.8, 1.5, min: 0.1, max: 0.5),
        "discrete" => InputDistributions.Discrete([26, 39, 52], [1, 2, 1]),
        _ => InputDistributions.Empirical([0.25, 0.3, 0.3, 0.35, 0.5]),
    };

    private static double[] Sample(InputDistribution d, string path) =>
        [.. Enumerable.Range(0, Draws).Select(r => d.Quantile(IndependentDesign.Uniform(Seed, r, path)))];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Sampled_values_match_the_exact_mean_and_variance_within_4_se(string name)
    {
        var d = Make(name);
        var x = Sample(d, name);
        var mean = x.Average();
        var variance = x.Sum(v => (v - mean) * (v - mean)) / (Draws - 1);
        // SE of the sample variance from the sample's own fourth moment: sqrt((m4 − s⁴) / n).
        var m4 = x.Sum(v => Math.Pow(v - mean, 4)) / Draws;
        var seMean = Math.Sqrt(d.Variance / Draws);
        var seVariance = Math.Sqrt((m4 - (variance * variance)) / Draws);

        Assert.InRange(mean, d.Mean - (4 * seMean), d.Mean + (4 * seMean));
        Assert.InRange(variance, d.Variance - (4 * seVariance), d.Variance + (4 * seVariance));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Continuous_kinds_pass_a_Kolmogorov_Smirnov_test_against_the_exact_cdf_at_1_percent(string name)
    {
        var d = Make(name);
        if (d.IsDiscrete)
        {
            return; // discrete kinds are checked by chi-square below
        }
        var x = Sample(d, name).Order().ToArray();
        var ks = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var f = d.Cdf(x[i]);
            ks = Math.Max(ks, Math.Max(((i + 1.0) / x.Length) - f, f - ((double)i / x.Length)));
        }

        Assert.True(ks < KsCritical, $"{name}: KS statistic {ks:G4} ≥ critical {KsCritical:G4}");
    }

    [Theory]
    [InlineData("discrete")]
    [InlineData("empirical")]
    public void Discrete_frequencies_match_their_weights_within_4_se_and_pass_chi_square_at_1_percent(string name)
    {
        var d = (DiscreteInput)Make(name);
        var x = Sample(d, name);
        var chi2 = 0.0;
        for (var i = 0; i < d.Values.Count; i++)
        {
            var p = d.Probability(i);
            var count = x.Count(v => v == d.Values[i]);
            var se = Math.Sqrt(p * (1 - p) / Draws);
            Assert.InRange((double)count / Draws, p - (4 * se), p + (4 * se));
            chi2 += Math.Pow(count - (Draws * p), 2) / (Draws * p);
        }

        Assert.True(chi2 < ChiSquared.InvCDF(d.Values.Count - 1, 0.99), $"{name}: chi-square {chi2:G4}");
        Assert.All(x, v => Assert.Contains(v, d.Values));
    }

    [Fact]
    public void Discrete_weights_need_not_sum_to_one()
    {
        var d = (DiscreteInput)InputDistributions.Discrete([1, 2, 3], [2, 0, 6]);

        Assert.Equal([1.0, 3.0], d.Values);
        Assert.Equal(0.25, d.Probability(0), 12);
        Assert.Equal((0.25 * 1) + (0.75 * 3), d.Mean, 12);
    }

    [Fact]
    public void Truncated_normal_never_leaves_its_bounds_even_at_the_extreme_uniforms()
    {
        var d = InputDistributions.Normal(0.02, 0.05, min: 0, max: 0.03);
        var x = Sample(d, "truncated");

        Assert.All(x, v => Assert.InRange(v, 0, 0.03));
        Assert.InRange(d.Quantile(double.Epsilon), 0, 0.03);
        Assert.InRange(d.Quantile(1 - 1e-16), 0, 0.03);
        Assert.Equal((0.0, 0.03), (d.Lower, d.Upper));
    }

    [Fact]
    public void Truncated_normal_mean_matches_its_closed_form()
    {
        // E[X | a ≤ X ≤ b] = μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)), α = (a − μ)/σ, β = (b − μ)/σ.
        const double mu = 0.02, sigma = 0.02, a = 0, b = 0.05;
        var (alpha, beta) = ((a - mu) / sigma, (b - mu) / sigma);
        var expected = mu + (sigma * (Normal.PDF(0, 1, alpha) - Normal.PDF(0, 1, beta)) / (Normal.CDF(0, 1, beta) - Normal.CDF(0, 1, alpha)));

        Assert.Equal(expected, InputDistributions.Normal(mu, sigma, a, b).Mean, 9);
    }

    [Fact]
    public void Pert_mean_is_min_plus_lambda_mode_plus_max_over_lambda_plus_2()
    {
        Assert.Equal((0.02 + (4 * 0.03) + 0.06) / 6, InputDistributions.Pert(0.02, 0.03, 0.06).Mean, 12);
        Assert.Equal((10 + (2 * 12) + 20) / 4.0, InputDistributions.Pert(10, 12, 20, lambda: 2).Mean, 12);
    }

    [Fact]
    public void Lognormal_takes_the_mean_and_sd_of_the_value_itself()
    {
        var d = InputDistributions.LogNormal(14.36, 2);

        Assert.Equal(14.36, d.Mean, 12);
        Assert.Equal(4, d.Variance, 12);
        // median e^μ with σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2
        var sigma2 = Math.Log(1 + (4 / (14.36 * 14.36)));
        Assert.Equal(Math.Exp(Math.Log(14.36) - (sigma2 / 2)), d.Median, 9);
    }

    [Fact]
    public void Quantiles_are_non_decreasing_in_u_so_reordering_by_rank_keeps_each_distribution()
    {
        foreach (var name in Names)
        {
            var d = Make(name);
            var q = Enumerable.Range(1, 999).Select(i => d.Quantile(i / 1000.0)).ToArray();
            Assert.True(q.Zip(q.Skip(1)).All(p => p.First <= p.Second), $"{name} is not monotone");
        }
    }
}
