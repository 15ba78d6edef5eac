using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// What each commissioner's care costs once unmet need is counted: its spend, the cost of the unmet
/// need it bears, and the two together (whole-system cost), each as mean ± standard error. Printed
/// only when a scenario values unmet need and some run left need unmet.
/// </summary>
internal static class CommissionerCostTable
{
    /// <summary>Prints the table to <paramref name="output"/>, or nothing when no commissioner bears any cost of unmet need.</summary>
    public static void Write(TextWriter output, IEnumerable<EntitySummary> summaries, bool colour, int width)
    {
        var commissioners = summaries.Where(s => s.Block.Kind == EntityKind.Commissioner).ToList();
        if (!commissioners.Any(s => s.Metric("unmet_need_cost_gbp").Mean != 0))
        {
            return;
        }
        var console = TableConsole.For(output, colour, width);
        console.Write(FittedTable.Fitted(console.Profile.Width, compact => Build(commissioners, compact)));
    }

    private static FittedTable Build(List<EntitySummary> commissioners, bool compact)
    {
        string[] metrics = ["spend_gbp", "unmet_need_cost_gbp", "whole_system_cost_gbp"];
        var footing = Footing.Of(commissioners.SelectMany(s => metrics.SelectMany(m => new[] { (s.Metric(m).Mean, "GBP"), (s.Metric(m).StdError, "GBP") })));
        var table = new FittedTable("Cost by commissioner over the horizon, £ (mean ± SE): spend alone leaves out the need that went unmet")
            .Text("Commissioner").Number("Spend").Number("Unmet need cost").Number("Whole-system cost");
        foreach (var s in commissioners)
        {
            string Cell(string metric) => HeadlineTable.MeanSe(s.Metric(metric).Mean, s.Metric(metric).StdError, "GBP", footing, compact);
            table.AddRow(s.Block.Name, Cell("spend_gbp"), Cell("unmet_need_cost_gbp"), Cell("whole_system_cost_gbp"));
        }
        return table;
    }
}
