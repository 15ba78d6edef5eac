using System.Text;
using MarketSim.Simulator.Experiments;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Exports;

/// <summary>What docs/outputs.md promises of the CSV files' characters when the scenario's names go beyond ASCII.</summary>
public class CsvEncodingTests
{
    [Fact]
    public void Runs_csv_and_series_csv_are_ASCII_and_an_entity_files_names_are_UTF_8_as_written()
    {
        var dir = Repo.TempDir();
        var yaml = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"))
            .Replace("name: Doncaster CCASH", "name: \"Ynys Môn – home care\"", StringComparison.Ordinal)
            .Replace("name: Zone 1", "name: \"Ynys Môn: Llangefni\"", StringComparison.Ordinal);
        var scenario = Path.Combine(dir, "ynys-mon.yaml");
        File.WriteAllText(scenario, yaml);
        var folder = Path.Combine(dir, "out");

        Experiment.Run(new ExperimentOptions(scenario, 4, 1, folder, Threads: 2));

        foreach (var file in new[] { "runs.csv", "series.csv" })
        {
            Assert.All(File.ReadAllBytes(Path.Combine(folder, file)), b => Assert.True(b < 0x80, $"{file} has a byte beyond ASCII"));
        }
        var zones = File.ReadAllBytes(Path.Combine(folder, "zones.csv"));
        Assert.False(zones.AsSpan().StartsWith(Encoding.UTF8.Preamble), "zones.csv starts with a byte-order mark");
        Assert.Contains("\nzone_1,Ynys Môn: Llangefni,4,", Encoding.UTF8.GetString(zones), StringComparison.Ordinal);
    }
}
