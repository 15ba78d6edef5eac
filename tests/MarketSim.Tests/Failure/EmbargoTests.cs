using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Failure;

public class EmbargoTests
{
    [Fact]
    public void An_embargoed_provider_takes_no_new_packages_for_the_embargo_weeks()
    {
        var spec = TestMarkets.Provider("p", ProviderRole.Framework, 100, 15) with
        {
            Failure = FailureSpec.None with { EmbargoHazardPerYear = 5, EmbargoWeeks = 6 },
        };
        var provider = new Provider(0, spec, new ServiceUserTable(4));
        provider.Reset(runSeed: 21);

        var week = 0;
        while (provider.StartWeek(week, 0, 0) is false && provider.IsTakingPackages)
        {
            week++;
        }
        var embargoStart = week;
        Assert.Equal(embargoStart + 6, provider.EmbargoedUntilWeek);
        Assert.False(provider.CanTake(1));
        for (week = embargoStart + 1; week < embargoStart + 6; week++)
        {
            provider.StartWeek(week, 0, 0);
            Assert.False(provider.CanTake(1));
        }

        provider.StartWeek(embargoStart + 6, 0, 0);

        // Open again, unless a new embargo was drawn in that very week.
        Assert.Equal(provider.EmbargoedUntilWeek == embargoStart + 6, provider.CanTake(1));
    }

    [Fact]
    public void Embargoes_start_as_often_as_a_weekly_chance_of_one_minus_e_to_the_minus_h_over_52_in_weeks_not_embargoed_allows()
    {
        // Each week the provider draws an embargo with p = 1 − e^(−h/52); one drawn while an embargo lasts is ignored,
        // so starts are at least E weeks apart. The chance a_t of a start in week t is p times the chance that no start
        // fell in the E − 1 weeks before it (those events are disjoint): a_t = p (1 − Σ a_s, t − E < s < t), and the
        // expected count over T weeks is Σ a_t (9.84 at h = 10, E = 6, T = 104). Taking h/52 as the weekly chance gives
        // 10.34, against an SE of about 0.025 over 4,000 runs; ignoring draws during an embargo is what keeps it below T·p = 18.2.
        const double hazard = 10;
        const int embargoWeeks = 6, horizon = 104, runs = 4000;
        var spec = TestMarkets.Provider("p", ProviderRole.Framework, 100, 15) with
        {
            Failure = FailureSpec.None with { EmbargoHazardPerYear = hazard, EmbargoWeeks = embargoWeeks },
        };
        var provider = new Provider(0, spec, new ServiceUserTable(4));
        var counts = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            provider.Reset(runSeed: 5000 + (ulong)run);
            var starts = 0;
            for (var week = 0; week < horizon; week++)
            {
                var until = provider.EmbargoedUntilWeek;
                provider.StartWeek(week, 0, 0);
                starts += provider.EmbargoedUntilWeek != until ? 1 : 0;
            }
            counts.Add(starts);
        }

        var p = 1 - Math.Exp(-hazard / 52);
        var a = new double[horizon];
        for (var t = 0; t < horizon; t++)
        {
            var blocked = 0.0;
            for (var s = Math.Max(0, t - embargoWeeks + 1); s < t; s++)
            {
                blocked += a[s];
            }
            a[t] = p * (1 - blocked);
        }
        var expected = a.Sum();
        Assert.Equal(9.84, expected, 2);
        var mean = counts.Average();
        var se = Math.Sqrt(counts.Sum(x => (x - mean) * (x - mean)) / (runs - 1) / runs);
        Assert.InRange(mean, expected - (4 * se), expected + (4 * se));
    }
}
