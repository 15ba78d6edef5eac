using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Statistics;
using Spectre.Console;

namespace MarketSim.Simulator.Cli;

/// <summary>The table printed at the end of a run: each headline outcome's mean (± standard error), P5, P50 and P95.</summary>
internal static class HeadlineTable
{
    public static void Write(TextWriter output, OutcomeSummary summary, bool colour)
    {
        var console = TableConsole.For(output, colour, 170);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Outcome").AddColumn("Unit")
            .AddColumn(new TableColumn("Mean ± SE").RightAligned())
            .AddColumn(new TableColumn("P5").RightAligned())
            .AddColumn(new TableColumn("P50").RightAligned())
            .AddColumn(new TableColumn("P95").RightAligned());
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
                table.AddRow(Markup.Escape(column.Name), Markup.Escape(column.Unit), "n/a", "", "", "");
                continue;
            }
            table.AddRow(
                Markup.Escape(column.Name),
                Markup.Escape(column.Unit),
                $"{Numbers.Readable(m.Mean)} ± {Numbers.Readable(m.StdError)}",
                Numbers.Readable(summary.Quantile(c, 0.05)!.Value),
                Numbers.Readable(summary.Quantile(c, 0.5)!.Value),
                Numbers.Readable(summary.Quantile(c, 0.95)!.Value));
        }
        console.Write(table);
    }
}
