using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The tables `compare` prints: one per other scenario, each outcome's base and other means, the
/// paired difference with its 95% interval (figures of a unit on one <see cref="Footing"/>, as report.html writes them), and P(other worse) with its 95% (Wilson) interval and the direction that is worse;
/// then the runs left out of the pairs and the outcomes only one scenario reports. Of the per-zone rows (weeks without a
/// lead provider), the console shows the <see cref="TopZones"/> that change most; compare.csv and report.html keep them all.
/// </summary>
internal static class ComparisonTable
{
    /// <summary>Most per-zone rows the console shows for one other scenario; 150 zones printed 150 rows of one outcome.</summary>
    public const int TopZones = 10;

    public static void Write(MarketSimCli cli, ComparisonPlan plan, IReadOnlyList<ComparisonResult> results)
    {
        var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
        foreach (var (counterpart, differences) in results)
        {
            var table = new FittedTable($"{plan.Title(counterpart.Scenario)} − {plan.Title(plan.Base)}, paired run by run; {ComparisonFiles.Period(plan)}")
                .Text("Outcome").Text("Worse when", FittedTable.Drop.BeforeWrapping)
                .Number("Base mean", FittedTable.Drop.ToFit).Number("Other mean", FittedTable.Drop.ToFit)
                .Number("Difference ± 95% CI").Number("P(other worse) (95% CI)");
            var footing = ComparisonFiles.TableFooting(differences);
            var zones = differences.Where(PerZone).ToList();
            var shown = zones.OrderByDescending(d => double.IsNaN(d.Difference.Mean) ? -1 : Math.Abs(d.Difference.Mean)).Take(TopZones).ToHashSet();
            foreach (var d in differences.Where(d => !PerZone(d) || shown.Contains(d)))
            {
                var (baseMean, otherMean, difference) = ComparisonFiles.Figures(d, footing);
                table.AddRow(d.Outcome.Label, OutcomeDirection.Text(d.Outcome.WorseWhen), baseMean, otherMean, difference,
                    ComparisonFiles.OtherWorse(d));
            }
            console.Write(table);
            if (zones.Count > shown.Count)
            {
                var more = zones.Count - shown.Count;
                cli.Output.WriteLine($"… and {more:N0} more {(more == 1 ? "zone" : "zones")} in compare.csv (weeks without a lead provider; those shown change most)");
            }
            foreach (var note in ComparisonFiles.Notes(plan.Base, counterpart, differences))
            {
                TableConsole.WriteWrapped(cli.Output, note, cli.ConsoleWidth);
            }
        }
    }

    private static bool PerZone(PairedDifference d) => d.Outcome.Name.StartsWith("weeks_without_lead__", StringComparison.Ordinal);
}
