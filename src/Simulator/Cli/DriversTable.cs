using System.Globalization;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The console's "what drives the outcomes": for each headline outcome that varies, its strongest uncertain
/// input by rank regression, with the interval and its share of the outcome's rank variance. Printed only
/// for scenarios with uncertain inputs; the full table is input_sensitivity.csv.
/// </summary>
internal static class DriversTable
{
    /// <summary>Prints the table to <paramref name="output"/>, or nothing without drivers.</summary>
    public static void Write(TextWriter output, MarketScenario scenario, IReadOnlyList<OutcomeDrivers> drivers, bool colour, int width)
    {
        if (drivers.Count == 0)
        {
            return;
        }
        var labels = new OutcomeLabels(scenario);
        var table = new FittedTable("What drives the outcomes over the horizon: the strongest uncertain input of each (rank regression, 95% interval)")
            .Text("Outcome").Text("Strongest input").Number("SRRC (95% CI)").Number("Share of variance");
        foreach (var d in drivers)
        {
            var top = d.Result.Tornado[0];
            table.AddRow(labels.Label(d.Outcome), d.InputLabel(top.Name, scenario), $"{Coefficient(top.Srrc)} ({Coefficient(top.SrrcInterval.Low)} to {Coefficient(top.SrrcInterval.High)})",
                Quantity.Share(top.ContributionToVariance));
        }
        TableConsole.For(output, colour, width).Write(table);
    }

    /// <summary>A rank regression coefficient as the table writes it: signed, two decimals, the minus sign − as in every report.</summary>
    internal static string Coefficient(double x) => x.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);
}
