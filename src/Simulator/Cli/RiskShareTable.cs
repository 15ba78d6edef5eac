using MarketSim.Simulator.Reports;
using MarketSim.Simulator.RiskShare;
using Spectre.Console;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The risk-share comparison printed after a run: for each pool, agreements down the side and
/// parties across, each cell the mean liability, P(any overspend) and VaR 95%.
/// </summary>
internal static class RiskShareTable
{
    public static void Write(TextWriter output, RiskShareComparison comparison, bool colour)
    {
        if (comparison.Lines.Count == 0)
        {
            return;
        }
        var console = TableConsole.For(output, colour, 170);
        foreach (var pool in comparison.Lines.GroupBy(l => l.Pool.Id))
        {
            var parties = pool.Select(l => l.Party).Distinct().ToList();
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{Markup.Escape(pool.First().Pool.Name)}: liability beyond contribution over the horizon, GBP (mean; P(>0); VaR 95%)")
                .AddColumn("Agreement");
            foreach (var party in parties)
            {
                table.AddColumn(new TableColumn(Markup.Escape(party)).RightAligned());
            }
            foreach (var model in pool.GroupBy(l => l.ModelId))
            {
                var cells = new List<string> { Markup.Escape(model.First().ModelName) };
                foreach (var party in parties)
                {
                    var line = model.FirstOrDefault(l => l.Party == party);
                    cells.Add(line is null
                        ? ""
                        : $"{Numbers.Readable(line.Liability.Mean)}; {line.ProbabilityOfOverspend:0%}; {Numbers.Readable(line.ValueAtRisk)}");
                }
                table.AddRow([.. cells]);
            }
            console.Write(table);
        }
    }
}
