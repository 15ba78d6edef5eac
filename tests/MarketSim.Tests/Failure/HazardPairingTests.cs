using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Failure;

/// <summary>
/// <c>compare</c> pairs run k of two scenarios on the same futures: a provider's failure hazard and embargo draw
/// from their own stream, one pair of uniforms each week it is open, so a change to its capacity or workforce
/// (which changes how many leavers and recruits it draws) leaves the week the hazard strikes it alone.
/// </summary>
public class HazardPairingTests
{
    private const int Runs = 200;
    private const int Weeks = 260;

    private static readonly WorkforceSpec Workforce = new(22, 0.3, 2, 13, 1);

    /// <summary>Four providers with workforces, exogenous failure and embargo hazards and no costs, so every exit is a hazard exit.</summary>
    private static MarketScenario HazardOnly(double leadCapacity, double leadEmbargoHazard = 0.5)
    {
        var failure = FailureSpec.None with { HazardPerYear = 0.3, NoticeWeeks = 4, EmbargoHazardPerYear = 0.5, EmbargoWeeks = 12 };
        var demand = TestMarkets.Demand(startingCaseload: 150, weeklyReferrals: 3, length: new Distribution(DistributionKind.Exponential, 52));
        return TestMarkets.OneZone(
            demand,
            Weeks,
            TestMarkets.Provider("lead", ProviderRole.Lead, leadCapacity, 15) with { Workforce = Workforce, Failure = failure with { EmbargoHazardPerYear = leadEmbargoHazard } },
            TestMarkets.Provider("asp_1", ProviderRole.Framework, 400, 15) with { Workforce = Workforce, Failure = failure },
            TestMarkets.Provider("asp_2", ProviderRole.Framework, 400, 15) with { Workforce = Workforce, Failure = failure },
            TestMarkets.Provider("spot", ProviderRole.Spot, 300, 18) with { Workforce = Workforce, Failure = failure });
    }

    private static (RowCollector Rows, string[] Ids) Run(MarketScenario scenario)
    {
        var rows = new RowCollector(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2026, Runs, 2), rows);
        return (rows, [.. scenario.Providers.Select(p => p.Id)]);
    }

    private static void AssertSameExitWeeks(MarketScenario a, MarketScenario b)
    {
        var (rowsA, ids) = Run(a);
        var (rowsB, _) = Run(b);
        var exits = 0;
        var differing = new List<(string Id, string Text)>();
        for (var r = 0; r < Runs; r++)
        {
            foreach (var id in ids)
            {
                var weekA = rowsA.Entity(rowsA.Rows[r], EntityKind.Provider, id, "exit_week");
                var weekB = rowsB.Entity(rowsB.Rows[r], EntityKind.Provider, id, "exit_week");
                exits += double.IsNaN(weekA) ? 0 : 1;
                if (!weekA.Equals(weekB))
                {
                    differing.Add((id, $"run {r} {id}: {weekA} and {weekB}"));
                }
            }
        }
        Assert.True(exits > 100, $"only {exits} exits in {Runs} runs");
        Assert.True(differing.Count == 0,
            $"{differing.Count} exit weeks differ ({string.Join(", ", differing.CountBy(d => d.Id).Select(c => $"{c.Key} {c.Value}"))}), e.g. {string.Join("; ", differing.Take(5).Select(d => d.Text))}");
    }

    [Fact]
    public void A_change_to_one_providers_capacity_leaves_every_providers_hazard_exit_week_the_same_run_by_run()
    {
        AssertSameExitWeeks(HazardOnly(leadCapacity: 500), HazardOnly(leadCapacity: 600));
    }

    [Fact]
    public void A_change_to_one_providers_embargo_hazard_leaves_every_providers_hazard_exit_week_the_same_run_by_run()
    {
        AssertSameExitWeeks(HazardOnly(leadCapacity: 500), HazardOnly(leadCapacity: 500, leadEmbargoHazard: 0));
    }
}
