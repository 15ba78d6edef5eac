using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workforce;

/// <summary>
/// A provider whose workforce shrinks below its caseload: it works overtime up to capacity × (1 + overtime_share),
/// and past that returns its newest packages until it is back within capacity itself.
/// </summary>
public class OvertimeTests
{
    private const double Hours = 10;
    private const double Overtime = 0.1;
    private const int OldPackages = 14;

    [Fact]
    public void Past_its_overtime_a_provider_returns_its_newest_packages_down_to_its_capacity()
    {
        // One provider of 20 workers of 10 contact hours, recruiting nobody, 8.5% of them leaving each week. Zone a's
        // 14 packages of 10 h are its starting caseload (the oldest); zone b's referrals come in week 0 only (the
        // newest), placed while they fit. In week 1 its workforce shrinks again; every run is checked exactly: it
        // returns nothing while its caseload C is within 1.1 × capacity, else ⌈(C − capacity) / 10⌉ packages, zone b's
        // before any of zone a's. Returned packages wait (nobody else has room), so the zones' waiting and unmet hours
        // tell whose packages came back.
        var provider = new ProviderSpec("p", "p", ProviderRole.Lead, ["a", "b"], 200, 15,
            Workforce: new WorkforceSpec(Hours, AnnualTurnover: 0.99, RecruitmentWageElasticity: 0, GapClosingWeeks: 13, StartingShare: 1, Recruiting: false, OvertimeShare: Overtime));
        var length = new Distribution(DistributionKind.Fixed, 1e7);
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(), 2, provider) with
        {
            Zones =
            [
                new ZoneSpec("a", "A", TestMarkets.Demand(startingCaseload: OldPackages, hours: new Distribution(DistributionKind.Fixed, Hours), length: length)),
                new ZoneSpec("b", "B", TestMarkets.Demand(weeklyReferrals: 8, hours: new Distribution(DistributionKind.Fixed, Hours), length: length)),
            ],
            Shocks = [new ShockSpec(ShockKind.DemandSurge, 1, 1, 0, null)],
        };
        var rows = new RowCollector(new OutcomeSchema(scenario));

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2029, 2000, 2), rows);

        int withinOvertime = 0, newestOnly = 0, reachingOldest = 0;
        foreach (var row in rows.Rows)
        {
            var capacity = row[OutcomeSchema.CapacityFinal];
            var referred = (int)row[OutcomeSchema.Referrals];
            var peakWaitingB = (int)rows.Entity(row, EntityKind.Zone, "b", "peak_waiting_list");
            var waitingBInWeek0 = ((int)(rows.Entity(row, EntityKind.Zone, "b", "unmet_hours") / Hours)) - peakWaitingB;
            var placedBInWeek0 = referred - waitingBInWeek0;
            var returnedB = peakWaitingB - waitingBInWeek0;
            var returnedA = (int)(rows.Entity(row, EntityKind.Zone, "a", "unmet_hours") / Hours);
            Assert.Equal(Hours * ((2 * OldPackages) - returnedA), rows.Entity(row, EntityKind.Zone, "a", "delivered_hours"));
            Assert.Equal(Hours * ((2 * placedBInWeek0) - returnedB), rows.Entity(row, EntityKind.Zone, "b", "delivered_hours"));

            var committed = Hours * (OldPackages + placedBInWeek0);
            var returns = committed > capacity * (1 + Overtime) ? (int)Math.Ceiling((committed - capacity) / Hours) : 0;
            Assert.Equal(Math.Min(returns, placedBInWeek0), returnedB);
            Assert.Equal(returns - Math.Min(returns, placedBInWeek0), returnedA);
            if (returns > 0)
            {
                Assert.InRange(committed - (Hours * returns), capacity - Hours + 1e-9, capacity);
            }
            withinOvertime += committed > capacity && returns == 0 ? 1 : 0;
            newestOnly += returns > 0 && returnedA == 0 ? 1 : 0;
            reachingOldest += returnedA > 0 ? 1 : 0;
        }

        // Each case is common enough that the checks above were tried on it.
        Assert.InRange(withinOvertime, 200, 2000);
        Assert.InRange(newestOnly, 200, 2000);
        Assert.InRange(reachingOldest, 20, 2000);
    }
}
