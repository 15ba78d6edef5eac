using MarketSim.Grains.Outcomes;
using MarketSim.Grains.RiskShare;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.RiskShare;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.RiskShare;

/// <summary>The risk-share table printed after a run writes its chances as every report does.</summary>
public class RiskShareTableTests
{
    [Fact]
    public void A_chance_of_liability_short_of_certain_is_not_printed_as_100_percent()
    {
        var scenario = TestMarkets.PoolMarket(10_000, RiskShareSpec.Proportional());
        using var comparison = new RiskShareComparison(scenario, new OutcomeSchema(scenario));
        foreach (var line in comparison.Lines)
        {
            for (var run = 0; run < 500; run++)
            {
                line.Add(run == 0 ? 0 : 1_000, 0);
            }
        }
        var output = new StringWriter();

        RiskShareTable.Write(output, scenario, comparison, colour: false, width: 200);

        Assert.Equal(0.998, comparison.Lines[0].ProbabilityOfLiability);
        Assert.Contains("; 99.8%; ", output.ToString());
        Assert.DoesNotContain("100%", output.ToString());
    }
}
