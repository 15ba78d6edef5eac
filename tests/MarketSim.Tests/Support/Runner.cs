using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Tests.Support;

/// <summary>Runs a scenario in memory and returns its summary.</summary>
public static class Runner
{
    public static OutcomeSummary Summarise(MarketScenario scenario, long runs, ulong seed = 12345, int threads = 2)
    {
        var summary = new OutcomeSummary(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(seed, runs, threads, 16), summary);
        return summary;
    }

    public static RunningMoments Column(this OutcomeSummary summary, string name) =>
        summary.Moments[summary.Schema.IndexOf(name)];

    public static double[] OneRun(MarketScenario scenario, ulong seed = 1, long run = 0)
    {
        var market = new Market(scenario);
        var outcomes = new double[market.OutcomeCount];
        market.Run(seed, run, outcomes);
        return outcomes;
    }
}
