using MarketSim.Grains.Statistics;

namespace MarketSim.Tests.Statistics;

/// <summary>
/// The bank of P² estimates the monthly series use gives each estimate exactly what a <see cref="P2Quantile"/> of its
/// own gives for the same values: the vector step must not change a single rounding, whatever the lanes hold.
/// </summary>
public class P2QuantileBankTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(0.95)]
    public void Every_estimate_is_that_of_its_own_P2Quantile_after_every_value(double p)
    {
        // 13 estimates: three blocks of four and one left over. The first two blocks hold no missing values, so they
        // take the vector step once their lanes have five values; the third mixes streams with missing values (NaN),
        // whose lanes fill their first five values and move their markers at different times.
        const int Estimates = 13;
        double[] start = [1, 2, 2, 3, 3];
        var bank = new P2QuantileBank(p, Estimates);
        var own = Enumerable.Range(0, Estimates).Select(_ => new P2Quantile(p)).ToArray();
        var random = new Random(11);
        var values = new double[Estimates];
        for (var run = 0; run < 5_000; run++)
        {
            for (var e = 0; e < Estimates; e++)
            {
                values[e] = e switch
                {
                    0 => random.NextDouble(),
                    1 => -Math.Log(1 - random.NextDouble()),
                    2 => 0.25 * random.Next(1, 40),
                    3 => random.Next(1, 4),
                    4 => run,
                    5 => -run,
                    6 => run < 5 ? start[run] : 2,
                    7 => random.NextDouble() - 0.5,
                    8 => random.NextDouble() < 0.3 ? double.NaN : random.NextDouble(),
                    9 => run < 7 ? double.NaN : 1e6 * random.NextDouble(),
                    10 => run % 97 == 0 ? double.NaN : -Math.Log(1 - random.NextDouble()) * 1_000,
                    11 => random.Next(1, 4),
                    _ => random.NextDouble(),
                };
                own[e].Add(values[e]);
            }
            bank.Add(values);
            for (var e = 0; e < Estimates; e++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(own[e].Estimate()), BitConverter.DoubleToInt64Bits(bank.Estimate(e)));
                Assert.Equal(own[e].Count, bank.CountOf(e));
            }
        }
    }

    [Fact]
    public void An_empty_estimate_is_missing_and_a_short_one_is_the_exact_sample_quantile()
    {
        var bank = new P2QuantileBank(0.25, 2);

        Assert.True(double.IsNaN(bank.Estimate(0)));
        foreach (var x in new[] { 4.0, 1.0, 3.0, 2.0 })
        {
            bank.Add([x, double.NaN]);
        }

        Assert.Equal(1.75, bank.Estimate(0));
        Assert.True(double.IsNaN(bank.Estimate(1)));
    }

    [Fact]
    public void A_run_must_give_one_value_to_each_estimate()
    {
        var bank = new P2QuantileBank(0.5, 3);

        Assert.Throws<ArgumentException>(() => bank.Add([1.0, 2.0]));
    }
}
