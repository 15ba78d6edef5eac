using MarketSim.Grains.Randomness;

namespace MarketSim.Tests.Randomness;

public class AliasTableTests
{
    /// <summary>Uneven weights, zeros, a dominant value and a long thin tail: the shapes package-hour tables have.</summary>
    public static TheoryData<double[]> Weights { get; } = new()
    {
        new[] { 0.1, 0.2, 0.3, 0.4 },
        new[] { 0.0, 0.5, 0.0, 0.5, 0.0 },
        new[] { 0.97, 0.01, 0.01, 0.01 },
        new[] { 1.0 },
        Enumerable.Range(0, 300).Select(k => Math.Exp(-k / 20.0)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Weights))]
    public void The_table_draws_each_value_with_the_probability_it_was_built_from(double[] weights)
    {
        var table = new AliasTable(weights);
        var total = weights.Sum();

        for (var i = 0; i < weights.Length; i++)
        {
            Assert.Equal(weights[i] / total, table.ProbabilityOf(i), 1e-14);
        }
    }

    [Fact]
    public void Counts_of_draws_are_within_4_se_of_the_probabilities()
    {
        double[] p = [0.05, 0.15, 0.5, 0.0, 0.3];
        var table = new AliasTable(p);
        var state = new Xoshiro256StarStar(77);
        var counts = new int[p.Length];

        for (var i = 0; i < SampleChecks.Draws; i++)
        {
            counts[table.Sample(ref state)]++;
        }

        for (var k = 0; k < p.Length; k++)
        {
            SampleChecks.AssertCount(counts[k], SampleChecks.Draws, p[k], $"value {k}");
        }
        Assert.Equal(0, counts[3]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weights_must_be_non_negative_and_finite(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AliasTable([0.5, bad]));
    }

    [Fact]
    public void Weights_must_not_all_be_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AliasTable([0.0, 0.0]));
    }
}
