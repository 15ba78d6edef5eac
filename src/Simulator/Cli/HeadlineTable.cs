using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The table printed at the end of a run: each headline outcome's mean (± standard error), P5, P50
/// and P95. In a narrow terminal it gives up the unit column (the outcome names carry their units),
/// then abbreviates numbers (5.41m), wraps names at underscores, and leaves out P95 and P5.
/// </summary>
internal static class HeadlineTable
{
    public static void Write(TextWriter output, OutcomeSummary summary, bool colour, int width)
    {
        var console = TableConsole.For(output, colour, width);
        console.Write(FittedTable.WithNumbersThatFit(console.Profile.Width, number => Build(summary, number)));
    }

    private static FittedTable Build(OutcomeSummary summary, Func<double, string> number)
    {
        var table = new FittedTable()
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
            if (m.Count == 0)
            {
                table.AddRow(column.Name, column.Unit, "n/a", "", "", "");
                continue;
            }
            table.AddRow(
                column.Name,
                column.Unit,
                $"{number(m.Mean)} ± {number(m.StdError)}",
                number(summary.Quantile(c, 0.05)!.Value),
                number(summary.Quantile(c, 0.5)!.Value),
                number(summary.Quantile(c, 0.95)!.Value));
        }
        return table;
    }
}
