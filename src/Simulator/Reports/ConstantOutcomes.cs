using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The headline outcomes left out of the headline table because they took one value in every run, or
/// none: one line each ("Always zero in these runs: …"), worded the same under the console's table
/// and report.html's, so that rows of zeros do not crowd out the outcomes that vary.
/// </summary>
internal static class ConstantOutcomes
{
    /// <summary>The lines as (heading, outcomes) pairs, in order, leaving out empty ones.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Outcomes)> Lines(MarketScenario scenario, OutcomeSummary summary)
    {
        var labels = new OutcomeLabels(scenario);
        var zero = new List<string>();
        var constant = new List<string>();
        var missing = new List<string>();
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            var column = summary.Schema.Columns[c];
            var m = summary.Moments[c];
            if (!column.Headline)
            {
                continue;
            }
            var label = labels.Label(column);
            if (m.Count == 0)
            {
                missing.Add(label);
            }
            else if (m.Min == m.Max && m.Min == 0)
            {
                zero.Add(label);
            }
            else if (m.Min == m.Max)
            {
                constant.Add($"{label} ({Quantity.Format(m.Min, column.Unit)})");
            }
        }
        return [.. new (string, IReadOnlyList<string>)[]
        {
            ("Always zero in these runs", zero),
            ("The same in every run", constant),
            ("No value in any run (the event never happened)", missing),
        }.Where(l => l.Item2.Count > 0)];
    }

    /// <summary>One line as printed: "Always zero in these runs: a; b."</summary>
    public static string Text(string heading, IReadOnlyList<string> outcomes) => $"{heading}: {string.Join("; ", outcomes)}.";
}
