using System.Globalization;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The charts of a `marketsim compare` folder: the headline outcomes' paired differences OTHER − BASE as a forest plot,
/// a dot per other scenario at its mean difference with its 95% interval, one small chart per unit (£, hours, people,
/// providers, …). Outcomes in different units cannot share an axis, and a common scale of "% of the base's mean" would not
/// be honest here: overspend, failures and the first failure's week have means near 0, or of either sign, which makes a
/// small change look huge or flips its direction. With --metric, the outcomes named are charted instead.
/// </summary>
public static class ComparisonCharts
{
    /// <summary>Characters of an outcome's label on one line of the axis.</summary>
    private const int LabelWidth = 34;

    /// <summary>One chart per unit, in the order the units first come in the tables; none when no outcome could be paired.</summary>
    public static List<Chart> Build(ComparisonPlan plan, IReadOnlyList<ComparisonResult> results, long runs)
    {
        var charted = results.SelectMany(r => r.Differences)
            .Where(d => d.Pairs > 0 && (plan.Metrics.Count > 0 || plan.Base.Schema.Columns[d.Outcome.BaseColumn].Headline))
            .Select(d => d.Outcome).DistinctBy(o => o.Name).ToList();
        var who = results.Count == 1
            ? $"{plan.Title(results[0].Counterpart.Scenario)} − {plan.Title(plan.Base)}"
            : $"{string.Join("; ", results.Select(r => plan.Title(r.Counterpart.Scenario)))}, each − {plan.Title(plan.Base)}";
        var horizon = SummarySentences.Horizon(plan.Base.Scenario);
        var charts = new List<Chart>();
        foreach (var unit in charted.GroupBy(o => o.Unit))
        {
            var rows = unit.ToList();
            var series = results.Select(r => new ForestChart.Series(
                results.Count == 1 ? "Mean difference, other − base" : plan.Title(r.Counterpart.Scenario),
                [.. rows.Select(o => Find(r, o.Name)?.Difference.Mean ?? double.NaN)],
                [.. rows.Select(o => Find(r, o.Name)?.Difference.HalfWidth95 ?? double.NaN)])).ToList();
            var unitText = ChartStyle.UnitText(unit.Key);
            var caption = string.Create(CultureInfo.InvariantCulture,
                $"The outcomes in {unitText}: each dot is the mean paired difference OTHER − BASE over {runs:N0} runs of the {horizon}, its whisker the 95% confidence interval (mean ± 1.96 standard errors); a whisker across the dashed line at 0 is a difference these runs cannot tell from none. Outcomes in other units have their own chart.");
            charts.Add(ForestChart.Draw($"differences_{Slug(unit.Key)}", caption,
                string.Create(CultureInfo.InvariantCulture, $"{who}: paired differences ({unitText}) over the {horizon}, {runs:N0} runs each"),
                ChartStyle.AxisTitle("Mean difference, other − base", unit.Key), unit.Key,
                [.. rows.Select(o => ChartStyle.Wrap(o.Label, LabelWidth))], series));
        }
        return charts;
    }

    private static PairedDifference? Find(ComparisonResult result, string outcome) =>
        result.Differences.FirstOrDefault(d => d.Outcome.Name == outcome && d.Pairs > 0);

    // "GBP per hour" as "gbp-per-hour", for a file name.
    private static string Slug(string unit) =>
        new([.. unit.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
