using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Tests.Statistics;

public class WhenItHappensTests
{
    private static readonly EntityMetric Weeks = new("weeks_without_lead", "weeks", "weeks without a lead provider");

    private static MetricSummary Summary(double[] runs)
    {
        var moments = new RunningMoments();
        foreach (var x in runs)
        {
            moments.Add(x);
        }
        return new MetricSummary(Weeks, moments.Count, moments.Mean, moments.StdError, 0, 0, 0);
    }

    [Fact]
    public void The_mean_and_standard_error_when_it_happens_are_those_of_the_runs_in_which_it_happened()
    {
        double[] runs = [0, 0, 120, 0, 200, 35, 0, 0, 260, 0, 0, 90];
        var happened = runs.Where(x => x > 0).ToArray();
        var mean = happened.Average();
        var sd = Math.Sqrt(happened.Sum(x => (x - mean) * (x - mean)) / (happened.Length - 1));

        var (whenItHappens, error) = WhenItHappens.Of(Summary(runs), happened.Length);

        Assert.Equal(mean, whenItHappens, 9);
        Assert.Equal(sd / Math.Sqrt(happened.Length), error, 9);
    }

    [Fact]
    public void When_it_happened_in_every_run_the_mean_is_the_mean_over_all_runs()
    {
        double[] runs = [4, 8, 15, 16, 23, 42];
        var all = Summary(runs);

        var (mean, error) = WhenItHappens.Of(all, runs.Length);

        Assert.Equal(all.Mean, mean, 12);
        Assert.Equal(all.StdError, error, 12);
    }

    [Fact]
    public void When_it_never_happened_there_is_no_mean_and_in_one_run_no_spread()
    {
        Assert.True(double.IsNaN(WhenItHappens.Of(Summary([0, 0, 0]), 0).Mean));
        var (mean, error) = WhenItHappens.Of(Summary([0, 52, 0]), 1);
        Assert.Equal(52, mean, 9);
        Assert.Equal(0, error);
    }
}
