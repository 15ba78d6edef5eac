using MarketSim.Grains.Market;

namespace MarketSim.Tests.Brokerage;

/// <summary>The arrival sorter gives exactly the order of a comparison sort by (time, draw index).</summary>
public class ArrivalSorterTests
{
    public static TheoryData<int, int> Cases => new()
    {
        { 0, 0 }, { 1, 0 }, { 2, 0 }, { 16, 0 }, { 17, 0 }, { 29, 0 }, { 64, 0 }, { 1500, 0 },
        { 29, 3 }, { 200, 5 }, { 1500, 40 }, { 40, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Order_is_by_time_then_draw_index_as_a_comparison_sort_gives(int count, int distinctTimes)
    {
        // distinctTimes > 0 draws the times from that many values, so most arrivals tie with others.
        var random = new Random(count * 31 + distinctTimes);
        var sorter = new ArrivalSorter();
        for (var week = 0; week < 20; week++)
        {
            var times = new double[count];
            for (var i = 0; i < count; i++)
            {
                times[i] = week + (distinctTimes > 0 ? random.Next(distinctTimes) / (double)distinctTimes : random.NextDouble());
            }

            Assert.Equal(ReferenceOrder(times), sorter.Sort(times).ToArray());
        }
    }

    [Theory]
    [InlineData(17, 2)]
    [InlineData(29, 0)]
    [InlineData(29, 1)]
    [InlineData(64, 4)]
    [InlineData(65, 9)]
    [InlineData(300, 7)]
    [InlineData(2048, 200)]
    [InlineData(2049, 200)]
    [InlineData(3000, 3)]
    public void A_weeks_referrals_drawn_as_the_market_draws_them_sort_exactly(int count, int week)
    {
        // As the market draws them: week + u, with u a multiple of 2^-53 in [0, 1). Every fourth is a copy of an
        // earlier draw, so times tie; u close to 1 can round week + u up into the next week.
        var random = new Random(count + week);
        var sorter = new ArrivalSorter();
        for (var repeat = 0; repeat < 10; repeat++)
        {
            var times = new double[count];
            for (var i = 0; i < count; i++)
            {
                var u = repeat == 9 && i == count / 2 ? 1 - Math.Pow(2, -53) : (random.NextInt64() >> 10) * Math.Pow(2, -53);
                times[i] = i > 0 && i % 4 == 0 ? times[random.Next(i)] : week + u;
            }

            Assert.Equal(ReferenceOrder(times), sorter.Sort(times).ToArray());
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(29, false)]
    [InlineData(29, true)]
    [InlineData(64, false)]
    [InlineData(64, true)]
    public void Ranking_by_vector_compares_orders_keys_as_a_sort_does(int count, bool wide)
    {
        // Both widths are checked whatever the processor: without 512-bit vectors the runtime emulates them.
        var random = new Random(count);
        for (var repeat = 0; repeat < 50; repeat++)
        {
            var keys = new long[64];
            var distinct = new HashSet<long>();
            for (var i = 0; i < count; i++)
            {
                do
                {
                    keys[i] = repeat % 2 == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.Next(-3 * count, 3 * count);
                }
                while (!distinct.Add(keys[i]));
            }
            var expected = Enumerable.Range(0, count).OrderBy(i => keys[i]).ToArray();
            var order = new int[count];

            ArrivalSorter.OrderByRank(keys, count, order, wide);

            Assert.Equal(expected, order);
        }
    }

    [Fact]
    public void Times_too_close_for_the_buckets_still_sort_exactly()
    {
        // A range of a few subnormal steps makes n / range overflow; the sorter must fall back.
        double[] times = [.. Enumerable.Range(0, 40).Select(i => double.Epsilon * ((i * 7) % 5))];

        Assert.Equal(ReferenceOrder(times), new ArrivalSorter().Sort(times).ToArray());
    }

    [Fact]
    public void A_larger_batch_after_a_smaller_one_sorts_exactly()
    {
        var sorter = new ArrivalSorter();
        sorter.Sort([0.5, 0.25, 0.75]);
        double[] times = [.. Enumerable.Range(0, 5000).Select(i => ((i * 7919) % 5000) / 5000.0 - 1)];

        Assert.Equal(ReferenceOrder(times), sorter.Sort(times).ToArray());
    }

    private static int[] ReferenceOrder(double[] times) =>
        [.. Enumerable.Range(0, times.Length).OrderBy(i => times[i]).ThenBy(i => i)];
}
