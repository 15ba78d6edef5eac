using System.Globalization;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The charts of a `marketsim compare` folder: the headline outcomes' paired differences OTHER − BASE as a forest plot,
/// a dot per other scenario at its mean difference with its 95% interval, one small chart per unit (£, hours, people,
/// providers, …). Outcomes in different units cannot share an axis, and a common scale of "% of the base's mean" would not
/// be honest here: overspend, failures and the first failure's week have means near 0, or of either sign, which makes a
/// small change look huge or flips its direction. With --metric, the outcomes named are charted instead. An outcome that
/// every other scenario gives the same value as the base in every paired run (<see cref="PairedDifference.Identical"/>)
/// is not charted, a dot at 0 with no whisker saying nothing; the captions and <see cref="NotChartedNote"/> name it.
/// </summary>
public static class ComparisonCharts
{
    /// <summary>Characters of an outcome's label on one line of the axis.</summary>
    private const int LabelWidth = 34;

    /// <summary>
    /// One chart per unit, in the order the units first come in the tables; none when no outcome could be paired, and none for
    /// a unit whose every outcome is identical in every run. A chart's caption names its unit's outcomes left out so.
    /// </summary>
    public static List<Chart> Build(ComparisonPlan plan, IReadOnlyList<ComparisonResult> results, long runs)
    {
        var (charted, identical) = Outcomes(plan, results);
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
            var omitted = identical.Where(o => o.Unit == unit.Key).ToList();
            var caption = string.Create(CultureInfo.InvariantCulture,
                $"The outcomes in {unitText}: each dot is the mean paired difference OTHER − BASE over {runs:N0} runs of the {horizon}, its whisker the 95% confidence interval (mean ± 1.96 standard errors); a whisker across the dashed line at 0 is a difference these runs cannot tell from none. Outcomes in other units have their own chart.")
                + (omitted.Count > 0 ? " " + Omitted(omitted, results.Count) : "");
            charts.Add(ForestChart.Draw($"differences_{Slug(unit.Key)}", caption,
                string.Create(CultureInfo.InvariantCulture, $"{who}: paired differences ({unitText}) over the {horizon}, {runs:N0} runs each"),
                ChartStyle.AxisTitle("Mean difference, other − base", unit.Key), unit.Key,
                [.. rows.Select(o => ChartStyle.Wrap(o.Label, LabelWidth))], series));
        }
        return charts;
    }

    /// <summary>
    /// The sentence report.html gives under the charts on outcomes left out of them as identical in every run whose unit has
    /// no chart (those of a charted unit are named in its caption); null when there are none.
    /// </summary>
    public static string? NotChartedNote(ComparisonPlan plan, IReadOnlyList<ComparisonResult> results)
    {
        var (charted, identical) = Outcomes(plan, results);
        var alone = identical.Where(o => charted.All(c => c.Unit != o.Unit)).ToList();
        return alone.Count > 0 ? Omitted(alone, results.Count) : null;
    }

    // The outcomes a chart has a row for, and those left out as identical in every paired run of every other scenario, each
    // in the order of the tables.
    private static (List<ComparedOutcome> Charted, List<ComparedOutcome> Identical) Outcomes(ComparisonPlan plan, IReadOnlyList<ComparisonResult> results)
    {
        var paired = results.SelectMany(r => r.Differences)
            .Where(d => d.Pairs > 0 && (plan.Metrics.Count > 0 || plan.Base.Schema.Columns[d.Outcome.BaseColumn].Headline))
            .GroupBy(d => d.Outcome.Name).ToList();
        return ([.. paired.Where(g => !g.All(d => d.Identical)).Select(g => g.First().Outcome)],
            [.. paired.Where(g => g.All(d => d.Identical)).Select(g => g.First().Outcome)]);
    }

    // "Not charted, identical in every run (the other scenario gives each the base's value in every paired run): A; B."
    private static string Omitted(IReadOnlyList<ComparedOutcome> outcomes, int others) =>
        $"Not charted, identical in every run ({(others == 1 ? "the other scenario gives" : "every other scenario gives")} {(outcomes.Count == 1 ? "it" : "each")} the base's value in every paired run, a difference of exactly 0): {string.Join("; ", outcomes.Select(o => o.Label))}.";

    private static PairedDifference? Find(ComparisonResult result, string outcome) =>
        result.Differences.FirstOrDefault(d => d.Outcome.Name == outcome && d.Pairs > 0);

    // "GBP per hour" as "gbp-per-hour", for a file name.
    private static string Slug(string unit) =>
        new([.. unit.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
