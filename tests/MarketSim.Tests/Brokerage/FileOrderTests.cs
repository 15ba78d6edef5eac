using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Brokerage;

/// <summary>
/// The order of zones, providers and commissioners in a scenario file only relabels the results:
/// each bundled scenario, with one of its lists reversed, gives the same number in every market-wide
/// column and series and in every entity's block, matched by id, bit for bit, run by run. The lists
/// are reversed on the loaded scenario, which is what the loader makes of a file with them reversed.
/// </summary>
public class FileOrderTests
{
    private const int Runs = 200;

    public static TheoryData<string, string> ReorderedLists() => new()
    {
        { "doncaster-ccash.yaml", "zones" },
        { "doncaster-ccash.yaml", "providers" },
        { "doncaster-lead-exit.yaml", "zones" },
        { "doncaster-lead-exit.yaml", "providers" },
        { "dorset-pool-2017.yaml", "zones" },
        { "dorset-pool-2017.yaml", "providers" },
        { "dorset-pool-2017.yaml", "commissioners" },
        { "banes-your-care-your-way.yaml", "providers" },
        { "banes-your-care-your-way.yaml", "commissioners" },
        { "leicestershire-htlah.yaml", "zones" },
        { "leicestershire-htlah.yaml", "commissioners" },
    };

    [Theory]
    [MemberData(nameof(ReorderedLists))]
    public void Reversing_a_list_of_a_bundled_scenario_gives_the_same_results_matched_by_id_in_every_run(string file, string list)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(file));
        var reversed = list switch
        {
            "zones" => scenario with { Zones = [.. scenario.Zones.Reverse()] },
            "providers" => scenario with { Providers = [.. scenario.Providers.Reverse()] },
            _ => scenario with { Commissioners = [.. scenario.Commissioners.Reverse()] },
        };
        Assert.True(Ids(scenario, list).Length >= 2, $"{file} has one entry in {list}: reversing it would test nothing");

        AssertSameUpToRelabelling(Run(scenario), Run(reversed));
    }

    [Fact]
    public void Swapping_the_lines_of_doncaster_zones_4_and_5_in_the_file_swaps_their_results_exactly()
    {
        var path = Repo.Scenario("doncaster-ccash.yaml");
        var lines = File.ReadAllLines(path);
        var zone4 = Array.FindIndex(lines, l => l.Contains("id: zone_4,", StringComparison.Ordinal));
        var zone5 = Array.FindIndex(lines, l => l.Contains("id: zone_5,", StringComparison.Ordinal));
        Assert.True(zone4 >= 0 && zone5 == zone4 + 1, "doncaster-ccash.yaml should list zone_4 and zone_5 on adjacent lines");
        (lines[zone4], lines[zone5]) = (lines[zone5], lines[zone4]);
        var (swapped, problems) = ScenarioLoader.Parse(string.Join('\n', lines), path);
        Assert.Empty(problems);
        var original = ScenarioLoader.Load(path);
        Assert.Equal(["zone_4", "zone_5"], original.Zones.Select(z => z.Id).Where(id => id is "zone_4" or "zone_5"));
        Assert.Equal(["zone_5", "zone_4"], swapped!.Zones.Select(z => z.Id).Where(id => id is "zone_4" or "zone_5"));

        var (schema, rows) = Run(original);
        var (swappedSchema, swappedRows) = Run(swapped);

        Assert.NotEqual(schema.Columns.Select(c => c.Name), swappedSchema.Columns.Select(c => c.Name));
        AssertSameUpToRelabelling((schema, rows), (swappedSchema, swappedRows));
    }

    private static string[] Ids(MarketScenario scenario, string list) => list switch
    {
        "zones" => [.. scenario.Zones.Select(z => z.Id)],
        "providers" => [.. scenario.Providers.Select(p => p.Id)],
        _ => [.. scenario.Commissioners.Select(c => c.Id)],
    };

    private static (OutcomeSchema Schema, RowCollector Rows) Run(MarketScenario scenario)
    {
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2026, Runs, 2, 16), rows);
        return (schema, rows);
    }

    private static void AssertSameUpToRelabelling((OutcomeSchema Schema, RowCollector Rows) a, (OutcomeSchema Schema, RowCollector Rows) b)
    {
        Assert.Equal(a.Schema.Stride, b.Schema.Stride);
        Assert.Equal(Runs, a.Rows.Rows.Count);
        Assert.Equal(Runs, b.Rows.Rows.Count);
        var columns = a.Schema.Columns.Select(c => (c.Name, b.Schema.IndexOf(c.Name))).ToList();
        var series = Enumerable.Range(a.Schema.Count, a.Schema.RowWidth - a.Schema.Count).ToList();
        var blocks = a.Schema.Entities.Select(x => (x, b.Schema.Entities.Single(y => y.Kind == x.Kind && y.Id == x.Id))).ToList();
        foreach (var (x, y) in blocks)
        {
            Assert.Equal(a.Schema.MetricsOf(x).Select(m => m.Name), b.Schema.MetricsOf(y).Select(m => m.Name));
        }
        for (var run = 0; run < Runs; run++)
        {
            var (rowA, rowB) = (a.Rows.Rows[run], b.Rows.Rows[run]);
            foreach (var (name, index) in columns)
            {
                AssertBitEqual(rowA[a.Schema.IndexOf(name)], rowB[index], $"run {run}, column {name}");
            }
            foreach (var i in series)
            {
                AssertBitEqual(rowA[i], rowB[i], $"run {run}, series value {i}");
            }
            foreach (var (x, y) in blocks)
            {
                for (var m = 0; m < x.Width; m++)
                {
                    AssertBitEqual(rowA[x.Offset + m], rowB[y.Offset + m], $"run {run}, {x.Kind} {x.Id} metric {a.Schema.MetricsOf(x)[m].Name}");
                }
            }
        }
    }

    private static void AssertBitEqual(double expected, double actual, string where) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{where}: {expected:R} then {actual:R}");
}
