using MarketSim.Grains.Randomness;
using MarketSim.Grains.Uncertainty.Correlation;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MarketSim.Tests.Uncertainty;

public class ImanConoverTests
{
    private const int Runs = 1024;
    private static readonly string[] Names = ["growth", "turnover", "wages"];

    private static RankCorrelationMatrix Target() => RankCorrelationMatrix.FromPairs(Names,
    [
        new("growth", "turnover", 0.7),
        new("growth", "wages", -0.4),
        new("turnover", "wages", 0.2),
    ]);

    /// <summary>Three different marginals, drawn independently in run order: lognormal, uniform and a discrete one with ties.</summary>
    private static double[][] IndependentSamples(ulong seed)
    {
        var random = new StreamRandom(seed);
        var lognormal = new double[Runs];
        var uniform = new double[Runs];
        var poisson = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            lognormal[i] = LogNormal.Sample(random, 0, 0.5);
            uniform[i] = ContinuousUniform.Sample(random, 0.01, 0.04);
            poisson[i] = Poisson.Sample(random, 30);
        }
        return [lognormal, uniform, poisson];
    }

    [Fact]
    public void Achieved_rank_correlations_are_within_two_standard_errors_of_target()
    {
        var target = Target();

        var reordered = ImanConover.Reorder(IndependentSamples(7), target);

        // The standard error of a Spearman correlation near these values is about 1/sqrt(n - 1).
        var se = 1 / Math.Sqrt(Runs - 1);
        for (var i = 0; i < 3; i++)
        {
            for (var j = i + 1; j < 3; j++)
            {
                var achieved = Correlation.Spearman(reordered[i], reordered[j]);
                Assert.True(Math.Abs(achieved - target[i, j]) < 2 * se,
                    $"rho({Names[i]}, {Names[j]}) = {achieved:0.000}, target {target[i, j]}, 2 SE = {2 * se:0.000}");
            }
        }
    }

    [Fact]
    public void Each_input_keeps_exactly_the_values_it_was_sampled_with()
    {
        var samples = IndependentSamples(11);
        var copy = samples.Select(s => (double[])s.Clone()).ToArray();

        var reordered = ImanConover.Reorder(samples, Target());

        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(copy[j], samples[j]);
            var before = (double[])samples[j].Clone();
            var after = (double[])reordered[j].Clone();
            Array.Sort(before);
            Array.Sort(after);
            Assert.Equal(before, after);
        }

        // The Cholesky mixing is lower triangular, so the first input keeps its run order and the others move.
        Assert.Equal(samples[0], reordered[0]);
        Assert.NotEqual(samples[1], reordered[1]);
        Assert.NotEqual(samples[2], reordered[2]);
    }

    [Fact]
    public void The_same_samples_give_the_same_order()
    {
        var first = ImanConover.Reorder(IndependentSamples(3), Target());
        var second = ImanConover.Reorder(IndependentSamples(3), Target());

        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(first[j], second[j]);
        }
    }

    [Fact]
    public void Zero_target_correlations_leave_independent_samples_uncorrelated()
    {
        var identity = RankCorrelationMatrix.FromPairs(Names, []);

        var reordered = ImanConover.Reorder(IndependentSamples(5), identity);

        var se = 1 / Math.Sqrt(Runs - 1);
        Assert.InRange(Correlation.Spearman(reordered[0], reordered[1]), -2 * se, 2 * se);
        Assert.InRange(Correlation.Spearman(reordered[0], reordered[2]), -2 * se, 2 * se);
    }

    [Fact]
    public void A_target_that_is_not_positive_semi_definite_is_refused_naming_the_inputs()
    {
        var impossible = RankCorrelationMatrix.FromPairs(Names,
        [
            new("growth", "turnover", 0.9),
            new("growth", "wages", 0.9),
            new("turnover", "wages", -0.9),
        ]);

        var error = Assert.Throws<ArgumentException>(() => ImanConover.Reorder(IndependentSamples(1), impossible));

        Assert.Contains("growth, turnover, wages", error.Message);
        Assert.Contains("NearestValid", error.Message);
    }

    [Fact]
    public void A_repaired_target_is_induced_within_two_standard_errors()
    {
        var repaired = RankCorrelationMatrix.FromPairs(Names,
        [
            new("growth", "turnover", 0.9),
            new("growth", "wages", 0.9),
            new("turnover", "wages", -0.9),
        ]).NearestValid().Repaired;

        var reordered = ImanConover.Reorder(IndependentSamples(13), repaired);

        var se = 1 / Math.Sqrt(Runs - 1);
        Assert.InRange(Correlation.Spearman(reordered[0], reordered[1]), repaired[0, 1] - (2 * se), repaired[0, 1] + (2 * se));
        Assert.InRange(Correlation.Spearman(reordered[1], reordered[2]), repaired[1, 2] - (2 * se), repaired[1, 2] + (2 * se));
    }

    [Fact]
    public void Too_few_runs_for_the_inputs_is_a_clear_error()
    {
        double[][] samples = [[1, 2, 3, 4], [4, 3, 2, 1], [1, 3, 2, 4]];

        var error = Assert.Throws<ArgumentException>(() => ImanConover.Reorder(samples, Target()));

        Assert.Contains("at least 5 runs for 3 correlated inputs; got 4", error.Message);
    }
}
