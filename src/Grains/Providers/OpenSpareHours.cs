namespace MarketSim.Grains.Providers;

/// <summary>
/// The spare care hours a week of every provider of a market, by provider index, in one array that
/// brokerage scans without touching the provider objects: a provider that is not taking packages
/// shows −∞, so one comparison tells whether a package fits. Each provider keeps its own entry
/// current whenever its capacity, its caseload or whether it takes packages changes.
/// </summary>
public sealed class OpenSpareHours
{
    /// <summary>Creates the entries of <paramref name="providers"/> providers.</summary>
    public OpenSpareHours(int providers) => WeeklyHours = new double[providers];

    /// <summary>Spare hours a week of each provider taking packages; −∞ for one that is not.</summary>
    public double[] WeeklyHours { get; }
}
