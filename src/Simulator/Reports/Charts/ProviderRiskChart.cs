using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// The providers most at risk: for the <see cref="TopProviders"/> providers most likely to leave the market
/// within the horizon, that chance stacked by cause (hazard failure, reserves exhausted, hand-back, forced
/// exit), with the 95% (Wilson) interval of the whole, from the binomial standard error over runs.
/// </summary>
public static class ProviderRiskChart
{
    /// <summary>Most providers shown.</summary>
    public const int TopProviders = 12;

    /// <summary>Draws the chart; null when no provider ever left in any run. <paramref name="horizon"/> names the period in the
    /// title and axis, "5-year horizon".</summary>
    public static Chart? Draw(IEnumerable<EntitySummary> providers, string horizon = "horizon")
    {
        var ranked = providers.Where(p => p.Exits is { ByYear.Length: > 0 } && p.Exits.WithinHorizon.Count > 0)
            .OrderByDescending(p => p.Exits!.WithinHorizon.P).ThenBy(p => p.Block.Name, StringComparer.Ordinal).Take(TopProviders).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }
        var runs = ranked.Max(p => p.Runs);
        var plot = ChartStyle.New($"Providers most at risk of leaving the market within the {horizon}", $"Chance of leaving within the {horizon}, by cause (%)", "");
        var n = ranked.Count;
        var causes = new (string Label, Func<Grains.Providers.ExitsByYear, Proportion> Of)[]
        {
            ("Failure: hazard", y => y.Hazard), ("Failure: reserves exhausted", y => y.ReservesExhausted), ("Hand-back", y => y.HandBack), ("Forced exit", y => y.ForcedExit),
        };
        var stacked = new double[n];
        for (var c = 0; c < causes.Length; c++)
        {
            var segments = new List<BarRows.Segment>();
            for (var i = 0; i < n; i++)
            {
                var p = causes[c].Of(ranked[i].Exits!.ByYear[^1]).P;
                segments.Add(new(n - 1 - i, stacked[i], stacked[i] + p));
                stacked[i] += p;
            }
            if (segments.Any(s => s.Value > s.Base))
            {
                BarRows.Add(plot, segments, Palette.Colour(c), 0.6, causes[c].Label);
            }
        }
        for (var i = 0; i < n; i++)
        {
            var any = ranked[i].Exits!.WithinHorizon;
            BarRows.Whisker(plot, n - 1 - i, any.Low95, any.High95, 0.18);
        }
        BarRows.WhiskerLegend(plot, "95% interval of the chance of leaving");
        BarRows.Frame(plot, [.. ranked.Select(p => p.Block.Name)], ranked.Select(p => p.Exits!.WithinHorizon.High95), "share");
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        var caption = $"The {n} providers most likely to leave the market within the horizon, over {runs:N0} runs: each bar is the chance of leaving, split by the cause of the exit; the whisker is its 95% (Wilson) interval.";
        return new Chart("provider_risk", caption, plot, height: BarRows.Height(n, 44));
    }
}
