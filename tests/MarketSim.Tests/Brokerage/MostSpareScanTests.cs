using MarketSim.Grains.Providers;

namespace MarketSim.Tests.Brokerage;

/// <summary>The block scan of providers' spare hours picks the provider a scan one by one in order picks.</summary>
public class MostSpareScanTests
{
    [Fact]
    public void The_provider_with_most_spare_hours_is_the_first_of_the_largest_as_a_scan_in_order_finds()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 3000; trial++)
        {
            // Few distinct values, so most runs have ties; −∞ for providers not taking packages.
            var spare = Enumerable.Range(0, 1 + random.Next(40))
                .Select(_ => random.Next(5) == 0 ? double.NegativeInfinity : random.Next(6) * 12.5)
                .ToArray();
            var most = spare.Max();

            Assert.Equal(Array.IndexOf(spare, most), MostSpareScan.IndexOfMost(spare));
            Assert.Equal(most, MostSpareScan.Most(spare));
        }
    }

    [Fact]
    public void A_provider_set_picks_the_first_of_the_largest_whether_its_indexes_are_consecutive_or_scattered()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 3000; trial++)
        {
            var spare = Enumerable.Range(0, 50)
                .Select(_ => random.Next(5) == 0 ? double.NegativeInfinity : random.Next(6) * 12.5)
                .ToArray();
            var count = random.Next(1, 20);
            var start = random.Next(50 - count);
            int[] indexes = trial % 2 == 0
                ? [.. Enumerable.Range(start, count)]
                : [.. Enumerable.Range(0, 50).Where(_ => random.Next(3) == 0).Take(count).DefaultIfEmpty(start)];
            var most = indexes.Max(p => spare[p]);
            var set = new ProviderSet(indexes);

            Assert.Equal(indexes.First(p => spare[p] == most), set.IndexOfMost(spare));
            Assert.Equal(most, set.Most(spare));
        }
        Assert.Equal(-1, new ProviderSet([]).IndexOfMost([1.0]));
        Assert.Equal(double.NegativeInfinity, new ProviderSet([]).Most([1.0]));
    }

    [Fact]
    public void Only_consecutive_provider_indexes_make_a_run()
    {
        Assert.Equal(4, MostSpareScan.FirstOfRun([4, 5, 6, 7]));
        Assert.Equal(-1, MostSpareScan.FirstOfRun([4, 6, 7]));
        Assert.Equal(-1, MostSpareScan.FirstOfRun([]));
    }
}
