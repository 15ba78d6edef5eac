using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The table printed at the end of a run, titled with the period its figures cover (as report.html's
/// "Headline outcomes over the 5-year horizon"): each headline outcome by its label, with its unit in words,
/// mean (± standard error), P5, P50 and P95; money in £; the percentiles of a count or a week as whole numbers. Outcomes that are the same in every run, or
/// never had a value, are collected under it in the lines of <see cref="ConstantOutcomes"/>, as in report.html. In a narrow terminal it gives up the unit
/// column, then abbreviates numbers (5.41m, and 5.16k beside them: <see cref="Footing"/>), wraps labels, and leaves out P95 and P5.
/// </summary>
internal static class HeadlineTable
{
    public static void Write(TextWriter output, MarketScenario scenario, OutcomeSummary summary, bool colour, int width)
    {
        var console = TableConsole.For(output, colour, width);
        var labels = new OutcomeLabels(scenario);
        console.Write(FittedTable.Fitted(console.Profile.Width, compact => Build(SummaryHtml.HeadlineTitle(scenario), summary, labels, compact)));
        foreach (var (heading, outcomes) in ConstantOutcomes.Lines(scenario, summary))
        {
            TableConsole.WriteWrapped(output, ConstantOutcomes.Text(heading, outcomes), width);
        }
    }

    /// <summary><paramref name="x"/> in <paramref name="unit"/> as the tables write it: £ before money, − for negatives, the number by <paramref name="number"/>.</summary>
    public static string Cell(double x, string unit, Func<double, string> number)
    {
        if (double.IsNaN(x))
        {
            return "n/a";
        }
        var sign = x < 0 ? "−" : "";
        return unit is "GBP" or "GBP per hour" ? $"{sign}£{number(Math.Abs(x))}" : sign + number(Math.Abs(x));
    }

    /// <summary>
    /// A mean ± SE cell: in a compact table on one scale, on <paramref name="footing"/> (<see cref="Footing.PlusMinus"/>), else
    /// each figure in full (<see cref="Numbers.Readable"/>).
    /// </summary>
    public static string MeanSe(double mean, double se, string unit, Footing footing, bool compact) =>
        compact ? footing.PlusMinus(mean, se, unit) : $"{Cell(mean, unit, Numbers.Readable)} ± {Cell(se, unit, Numbers.Readable)}";

    private static FittedTable Build(string title, OutcomeSummary summary, OutcomeLabels labels, bool compact)
    {
        var footing = SummaryHtml.HeadlineFooting(summary);
        var table = new FittedTable(title)
            .Text("Outcome").Text("Unit", FittedTable.Drop.BeforeWrapping)
            .Number("Mean ± SE").Number("P5", FittedTable.Drop.ToFit).Number("P50").Number("P95", FittedTable.Drop.ToFit);
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            var column = summary.Schema.Columns[c];
            if (!column.Headline)
            {
                continue;
            }
            var m = summary.Moments[c];
            var unit = OutcomeLabels.Unit(column.Unit);
            if (m.Count == 0 || m.Min == m.Max)
            {
                continue;
            }
            var number = compact ? footing.Compact(column.Unit) : Numbers.Readable;
            var whole = summary.IsWhole(c);
            string Q(double p) => Cell(summary.Quantile(c, p)!.Value, column.Unit, whole ? x => Numbers.Whole(x, number) : number);
            table.AddRow(labels.Label(column), unit, MeanSe(m.Mean, m.StdError, column.Unit, footing, compact), Q(0.05), Q(0.5), Q(0.95));
        }
        return table;
    }
}
