using System.Globalization;

namespace MarketSim.Simulator.Cli;

/// <summary>How much of a job is done, as a whole percentage rounded down: 100% only when all of it is, 0% until 1% is.</summary>
internal static class PercentDone
{
    /// <summary>"99%" for 2,990 of 3,000: rounding up would say done while runs are still out.</summary>
    public static string Of(long done, long total) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp(done * 100 / Math.Max(total, 1), 0, 100)}%");
}
