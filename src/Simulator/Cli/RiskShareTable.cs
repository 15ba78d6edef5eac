using MarketSim.Simulator.RiskShare;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The risk-share comparison printed after a run: for each pool, agreements down the side and
/// parties across, each cell the mean liability, P(any overspend) and VaR 95%. In a narrow
/// terminal numbers are abbreviated (5.41m), agreement names wrap, and a cell's three figures stack.
/// </summary>
internal static class RiskShareTable
{
    public static void Write(TextWriter output, RiskShareComparison comparison, bool colour, int width)
    {
        if (comparison.Lines.Count == 0)
        {
            return;
        }
        var console = TableConsole.For(output, colour, width);
        foreach (var pool in comparison.Lines.GroupBy(l => l.Pool.Id))
        {
            console.Write(FittedTable.WithNumbersThatFit(console.Profile.Width, number => Build(pool.ToList(), number)));
        }
    }

    private static FittedTable Build(List<RiskShareComparison.Line> pool, Func<double, string> number)
    {
        var parties = pool.Select(l => l.Party).Distinct().ToList();
        var table = new FittedTable($"{pool[0].Pool.Name}: liability beyond contribution over the horizon, GBP (mean; P(>0); VaR 95%)")
            .Text("Agreement");
        foreach (var party in parties)
        {
            table.Number(party);
        }
        foreach (var model in pool.GroupBy(l => l.ModelId))
        {
            var cells = new List<string> { model.First().ModelName };
            foreach (var party in parties)
            {
                var line = model.FirstOrDefault(l => l.Party == party);
                cells.Add(line is null
                    ? ""
                    : $"{number(line.Liability.Mean)}; {line.ProbabilityOfOverspend.ToString("0%", System.Globalization.CultureInfo.InvariantCulture)}; {number(line.ValueAtRisk)}");
            }
            table.AddRow([.. cells]);
        }
        return table;
    }
}
