using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Providers;

/// <summary>
/// What each provider reports per run, in block order: when and why it left, what it delivered, and
/// by model year its reserves at the year end and its margin per hour.
/// </summary>
public static class ProviderMetrics
{
#pragma warning disable CS1591 // indices into the block, named after their metrics
    public const int ExitWeek = 0;
    public const int ExitCause = 1;
    public const int DeliveredHours = 2;
    public const int DeliveredShare = 3;
    public const int ReservesStart = 4;
#pragma warning restore CS1591

    /// <summary>Index of the margin of model year <paramref name="year"/> (from 0) in a horizon of <paramref name="years"/> years.</summary>
    public static int Margin(int year, int years) => ReservesStart + years + year;

    /// <summary>Index of the year-end reserves of model year <paramref name="year"/> (from 0).</summary>
    public static int Reserves(int year) => ReservesStart + year;

    /// <summary>How many numbers a provider reports over <paramref name="years"/> model years.</summary>
    public static int Width(int years) => ReservesStart + (2 * years);

    /// <summary>The metrics of a provider over <paramref name="years"/> model years.</summary>
    public static IReadOnlyList<EntityMetric> For(int years)
    {
        var metrics = new List<EntityMetric>
        {
            new("exit_week", "week", "Week (from 0) the provider began to leave (failed, handed back or was forced out); empty when it did not", true),
            new("exit_cause", "code", "Why it left: 0 it did not, 1 failure by the exogenous hazard, 2 hand-back, 3 forced exit, 4 failure with its reserves exhausted", Internal: true),
            new("delivered_hours", "hours", "Care hours it delivered over the horizon, whoever paid"),
            new("delivered_share", "share", "Its share (0-1) of the market's delivered hours; empty when none were delivered", true),
        };
        for (var y = 1; y <= years; y++)
        {
            metrics.Add(new($"reserves_gbp_year_{y}", "GBP", $"Its reserves at the end of model year {y} (frozen once it has left); empty when its reserves are not modelled or it had not joined", true));
        }
        for (var y = 1; y <= years; y++)
        {
            metrics.Add(new($"margin_gbp_per_hour_year_{y}", "GBP per hour", $"Rate minus cost per hour, weighted by hours delivered, in model year {y}; empty when its costs are not modelled or it delivered nothing", true));
        }
        return metrics;
    }
}
