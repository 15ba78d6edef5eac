using System.Globalization;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The plain sentence printed under the headline table and in report.html whenever need went unmet:
/// how much, what it is valued at, and that spend alone understates the scenario's cost (a scenario
/// that loses capacity spends less because people wait, which is no saving); and, when a zone lost its
/// lead provider and nothing re-tenders it, that the unmet need is an upper bound.
/// </summary>
public static class UnmetNeedNote
{
    /// <summary>The note for <paramref name="summary"/>, or null when no need went unmet in any run.</summary>
    public static string? Text(MarketScenario scenario, OutcomeSummary summary)
    {
        var unmet = Mean(summary, "unmet_hours_total");
        if (!(unmet > 0))
        {
            return null;
        }
        var delivered = Mean(summary, "delivered_hours_total");
        var share = unmet / (unmet + delivered);
        var percent = share < 0.001 ? "Under 0.1%" : Quantity.Share(share);
        var text = string.Create(CultureInfo.InvariantCulture, $"{percent} of need went unmet ({Footing.Of([(unmet, "hours")]).Format(unmet, "hours")} hours over the horizon, mean of the runs, ");
        if (scenario.UnmetNeed is not { } valued)
        {
            return text + "not valued: the scenario has no unmet_need section, so its whole-system cost counts it as 0); spend alone understates the cost of this scenario." + UpperBound(scenario, summary);
        }
        var cost = Mean(summary, "unmet_need_cost_gbp");
        var whole = Mean(summary, "whole_system_cost_gbp");
        return text + string.Create(CultureInfo.InvariantCulture,
            $"valued at {Quantity.Money(cost)} at £{valued.CostGbpPerHour:0.00} an hour); spend alone understates the cost of this scenario: whole-system cost (spend + unmet need) is {Quantity.Money(whole)}.")
            + UpperBound(scenario, summary);
    }

    /// <summary>
    /// The caveat when some zone lost its lead provider in some run and the scenario has no
    /// dynamic_purchasing: nothing re-tenders the lost capacity, which real councils would, so the
    /// unmet need is an upper bound (docs/model.md, Simplifications to know); empty otherwise.
    /// </summary>
    public static string UpperBound(MarketScenario scenario, OutcomeSummary summary) =>
        scenario.DynamicPurchasing is null
        && scenario.Zones.Any(z => summary.Moments[summary.Schema.IndexOf($"weeks_without_lead__{z.Id}")].Max > 0)
            ? " A zone that loses its lead provider is not re-tendered in this scenario (it has no dynamic_purchasing), so the capacity lost stays lost to the horizon and unmet need here is an upper bound (docs/model.md)."
            : "";

    private static double Mean(OutcomeSummary summary, string column) => summary.Moments[summary.Schema.IndexOf(column)].Mean;
}
