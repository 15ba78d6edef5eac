using MarketSim.Grains.Statistics;

namespace MarketSim.Tests.Statistics;

/// <summary>
/// The count of each whole number gives the same quantiles as sorting every value would, bit for bit, however its
/// range grew; and it gives up (overflows) rather than grow past its bound or count a value that is not whole.
/// </summary>
public class WholeNumberCountsTests
{
    [Fact]
    public void Quantiles_from_the_counts_are_the_exact_type_7_quantiles_of_the_values_after_every_value()
    {
        var random = new Random(3);
        var counts = new WholeNumberCounts();
        var values = new List<double>();
        for (var i = 0; i < 2_000; i++)
        {
            // Mostly near 0, with the range growing upwards and then downwards past the first array's length.
            double x = i < 1_000 ? random.Next(0, 5) * random.Next(0, 2) + (i / 40) : -random.Next(0, i / 10);
            counts.Add(x);
            values.Add(x);
            if (i % 37 == 0 || i == 1_999)
            {
                var sorted = values.Order().ToList();
                foreach (var p in new[] { 0, 0.05, 0.25, 0.5, 0.75, 0.95, 1 })
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(SampleQuantile.Type7(sorted, p)), BitConverter.DoubleToInt64Bits(counts.Quantile(p)));
                }
            }
        }
        Assert.False(counts.Overflowed);
        Assert.Equal(values.Count, counts.Count);
    }

    [Fact]
    public void Missing_values_are_skipped_and_none_give_a_missing_quantile()
    {
        var counts = new WholeNumberCounts();
        Assert.True(double.IsNaN(counts.Quantile(0.5)));

        counts.Add(double.NaN);
        counts.Add(3);

        Assert.Equal(1, counts.Count);
        Assert.Equal(3, counts.Quantile(0.05));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void A_value_that_is_not_a_whole_number_overflows_the_counts(double x)
    {
        var counts = new WholeNumberCounts();
        counts.Add(1);

        counts.Add(x);

        Assert.True(counts.Overflowed);
        Assert.True(double.IsNaN(counts.Quantile(0.5)));
    }

    [Fact]
    public void Values_as_far_apart_as_the_largest_range_overflow_the_counts_and_closer_ones_do_not()
    {
        var within = new WholeNumberCounts();
        within.Add(10);
        within.Add(10 + WholeNumberCounts.MaxRange - 1);
        within.Add(10);
        Assert.False(within.Overflowed);
        Assert.Equal(10 + WholeNumberCounts.MaxRange - 1, within.Quantile(1));

        var beyond = new WholeNumberCounts();
        beyond.Add(10);
        beyond.Add(10 - WholeNumberCounts.MaxRange);
        Assert.True(beyond.Overflowed);
    }
}
