using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.RiskShare;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The risk-share comparison printed after a run: for each pool, agreements down the side and
/// parties (by name) across, each cell the mean liability over the horizon in £, P(liability &gt; £0)
/// and VaR 95% over the horizon; parties whose liability is zero in every run are left out. In a
/// narrow terminal numbers are abbreviated (£5.41m), names wrap, and a cell's three figures stack.
/// </summary>
internal static class RiskShareTable
{
    public static void Write(TextWriter output, MarketScenario scenario, RiskShareComparison comparison, bool colour, int width)
    {
        if (comparison.Lines.Count == 0)
        {
            return;
        }
        var console = TableConsole.For(output, colour, width);
        var labels = new OutcomeLabels(scenario);
        var horizon = SummarySentences.Horizon(scenario);
        foreach (var pool in comparison.Lines.GroupBy(l => l.Pool.Id))
        {
            console.Write(FittedTable.Fitted(console.Profile.Width, compact => Build(pool.ToList(), labels, horizon, compact)));
        }
    }

    private static FittedTable Build(List<RiskShareComparison.Line> pool, OutcomeLabels labels, string horizon, bool compact)
    {
        var footing = Footing.Of(pool.SelectMany(l => new[] { (l.Liability.Mean, "GBP"), (l.ValueAtRisk, "GBP") }));
        var number = compact ? footing.Compact("GBP") : Numbers.Readable;
        var spec = pool[0].Pool;
        var parties = pool.GroupBy(l => l.Party).Where(g => g.Any(l => l.Liability.Min != 0 || l.Liability.Max != 0)).Select(g => g.Key).ToList();
        var table = new FittedTable($"{spec.Name}: each party's liability beyond its contribution over the {horizon} (mean; P(liability > £0); VaR 95% over the horizon)")
            .Text("Agreement");
        foreach (var party in parties)
        {
            table.Number(labels.PartyName(spec, party));
        }
        foreach (var model in pool.GroupBy(l => l.ModelId))
        {
            var cells = new List<string> { model.First().ModelName };
            foreach (var party in parties)
            {
                var line = model.FirstOrDefault(l => l.Party == party);
                cells.Add(line is null
                    ? ""
                    : $"{HeadlineTable.Cell(line.Liability.Mean, "GBP", number)}; {Quantity.Share(line.ProbabilityOfLiability)}; {HeadlineTable.Cell(line.ValueAtRisk, "GBP", number)}");
            }
            table.AddRow([.. cells]);
        }
        return table;
    }
}
