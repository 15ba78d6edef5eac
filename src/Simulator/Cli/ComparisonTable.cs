using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The tables `compare` prints: one per other scenario, each outcome's base and other means, the
/// paired difference with its 95% interval (figures of a unit on one <see cref="Footing"/>, as report.html writes them), and P(other worse) with the direction that is worse;
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
            var footing = ComparisonFiles.TableFooting(differences);
            foreach (var d in differences)
            {
                var (baseMean, otherMean, difference) = ComparisonFiles.Figures(d, footing);
                table.AddRow(d.Outcome.Label, OutcomeDirection.Text(d.Outcome.WorseWhen), baseMean, otherMean, difference,
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
