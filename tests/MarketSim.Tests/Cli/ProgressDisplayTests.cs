using MarketSim.Simulator.Cli;

namespace MarketSim.Tests.Cli;

/// <summary>The progress display's runs a second, on a clock the test moves by hand.</summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public void Runs_a_second_count_neither_the_silo_start_before_the_runs_nor_the_writers_after_them()
    {
        var time = new ManualTime();
        var error = new StringWriter();

        new ProgressDisplay(error, interactive: false, quiet: false, time).Run(1000, report =>
        {
            time.Advance(TimeSpan.FromSeconds(10));
            report(0, null);
            time.Advance(TimeSpan.FromSeconds(2));
            report(1000, null);
            time.Advance(TimeSpan.FromSeconds(30));
            return 0;
        });

        Assert.Equal("progress: 1,000/1,000 runs (100%), 500 runs/s, 0s left", error.ToString().Trim());
    }

    [Fact]
    public void Without_a_report_of_the_runs_starting_the_rate_counts_from_the_display_start()
    {
        var time = new ManualTime();
        var error = new StringWriter();

        new ProgressDisplay(error, interactive: false, quiet: false, time).Run(1000, report =>
        {
            time.Advance(TimeSpan.FromSeconds(4));
            report(1000, null);
            return 0;
        });

        Assert.Equal("progress: 1,000/1,000 runs (100%), 250 runs/s, 0s left", error.ToString().Trim());
    }

    [Fact]
    public void A_progress_line_short_of_the_last_run_does_not_say_100_percent()
    {
        var time = new ManualTime();
        var error = new StringWriter();

        new ProgressDisplay(error, interactive: false, quiet: false, time).Run(1000, report =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            report(999, null);
            return 0;
        });

        Assert.StartsWith("progress: 999/1,000 runs (99%)", error.ToString().Trim());
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
