using System.Globalization;

namespace MarketSim.Simulator.Cli;

/// <summary>Durations for people: "45s", "12m 05s", "3h 04m", "2d 03h" (days are never dropped).</summary>
public static class Durations
{
    /// <summary>Formats <paramref name="span"/> to the two largest units that matter.</summary>
    public static string Readable(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        var s = (long)Math.Round(span.TotalSeconds);
        return s switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{s}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{s / 60}m {s % 60:00}s"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{s / 3600}h {s % 3600 / 60:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{s / 86400}d {s % 86400 / 3600:00}h"),
        };
    }
}
