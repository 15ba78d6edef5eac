using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The tables `compare` prints: one per other scenario, each outcome's base and other means, the
/// paired difference with its 95% interval, and P(other worse) with the direction that is worse;
/// then the runs left out of the pairs and the outcomes only one scenario reports.
/// </summary>
internal static class ComparisonTable
{
    public static void Write(MarketSimCli cli, ComparisonPlan plan, IReadOnlyList<ComparisonResult> results)
    {
        var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
        foreach (var (counterpart, differences) in results)
        {
            var table = new FittedTable($"{counterpart.Scenario.Scenario.Name} − {plan.Base.Scenario.Name}, paired run by run")
                .Text("Outcome").Text("Worse when", FittedTable.Drop.BeforeWrapping)
                .Number("Base mean", FittedTable.Drop.ToFit).Number("Other mean", FittedTable.Drop.ToFit)
                .Number("Difference ± 95% CI").Number("P(other worse)");
            foreach (var d in differences)
            {
                var unit = d.Outcome.Unit;
                table.AddRow(
                    d.Outcome.Label,
                    OutcomeDirection.Text(d.Outcome.WorseWhen),
                    Quantity.Format(d.Pairs > 0 ? d.Base.Mean : double.NaN, unit),
                    Quantity.Format(d.Pairs > 0 ? d.Other.Mean : double.NaN, unit),
                    d.Pairs > 0 ? $"{Quantity.Format(d.Difference.Mean, unit, signed: true)} ± {Quantity.Format(d.Difference.HalfWidth95, unit)}" : "n/a",
                    Quantity.Percent(d.ProbabilityOtherWorse, d.ProbabilityHalfWidth95));
            }
            console.Write(table);
            foreach (var note in ComparisonFiles.Notes(plan.Base, counterpart, differences))
            {
                TableConsole.WriteWrapped(cli.Output, note, cli.ConsoleWidth);
            }
        }
    }
}
