using System.Globalization;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>One progress event of a running experiment, as the Run page shows it: numbers for the bar and texts for people.</summary>
/// <param name="State">"running", "done", "failed" or "cancelled".</param>
/// <param name="Done">Runs done, in run order.</param>
/// <param name="Total">Runs asked for (the most, with a precision target).</param>
/// <param name="Percent">Whole percent done, 0 to 100.</param>
/// <param name="DoneText">Runs done of runs asked, with thousands separators ("14,272 of 100,000 runs", "… kept (stopped)").</param>
/// <param name="RateText">Runs a second.</param>
/// <param name="LeftText">Time left at that rate, "finished" once done, or empty when stopped, cancelled or failed.</param>
/// <param name="EstimateText">The running estimate with its 95% interval, or empty before the first runs.</param>
/// <param name="StatusText">What is happening, or how it ended.</param>
public sealed record RunProgress(string State, long Done, long Total, int Percent, string DoneText, string RateText, string LeftText, string EstimateText, string StatusText)
{
    /// <summary>The progress of <paramref name="job"/> now.</summary>
    public static RunProgress Of(ExperimentJob job)
    {
        var state = job.State;
        var done = job.Done;
        var total = job.Runs;
        var rate = job.RunsPerSecond;
        var percent = (int)Math.Min(100, done * 100 / Math.Max(1, total));
        var left = double.IsFinite(rate) && rate > 0 ? $"about {Durations.Readable(TimeSpan.FromSeconds((total - done) / rate))} left" : "time left: estimating";
        var estimate = "";
        if (job.Estimate?.Read() is { Runs: > 0 } e)
        {
            estimate = e.Runs > 1
                ? $"{job.Estimate.Label}: {Quantity.PlusMinus(e.Mean, e.HalfWidth95, job.Estimate.Unit)} (95% interval of the mean, {e.Runs:N0} runs of the {job.Estimate.Period} each)"
                : $"{job.Estimate.Label}: {Quantity.Format(e.Mean, job.Estimate.Unit)} (1 run of the {job.Estimate.Period})";
        }
        var runs = $"{done.ToString("N0", CultureInfo.InvariantCulture)} of {total.ToString("N0", CultureInfo.InvariantCulture)} runs";
        var stopped = state == JobState.Done && job.Interrupted;
        var status = state switch
        {
            JobState.Running when done >= total => "All runs are done; writing the results folder (tables, charts, report, workbook)…",
            JobState.Running => "Running.",
            JobState.Done when stopped => $"Stopped: the first {done.ToString("N0", CultureInfo.InvariantCulture)} runs, in run order, are kept as a complete results folder, marked interrupted.",
            JobState.Done => $"Done: {job.Message ?? $"{done:N0} runs"}.",
            JobState.Failed => $"Failed: {job.Message}",
            _ => job.Message ?? "",
        };
        if (stopped)
        {
            (runs, left) = (runs + " kept (stopped)", "");
        }
        else if (state == JobState.Done)
        {
            (percent, left) = (100, "finished");
        }
        else if (state != JobState.Running)
        {
            left = "";
        }
        return new RunProgress(
            state.ToString().ToLowerInvariant(),
            done,
            total,
            percent,
            runs,
            double.IsFinite(rate) ? $"{rate:N0} runs/s" : "… runs/s",
            left,
            estimate,
            status);
    }
}
