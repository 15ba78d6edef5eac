using MarketSim.Simulator.Experiments;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Exports;

/// <summary>Every column of the table sheets of results.xlsx, in every bundled scenario, has a label in words above its CSV name.</summary>
public class TableLabelsTests
{
    private static readonly string[] OtherSheets = ["Summary", "Runs", "Columns"];

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_column_of_a_bundled_scenarios_table_sheets_has_a_label_in_words_other_than_its_csv_name(string fileName)
    {
        var folder = Path.Combine(Repo.TempDir(), "out");
        using (Experiment.Run(new ExperimentOptions(Repo.Scenario(fileName), 20, 7, folder, Threads: 2)))
        {
        }

        var book = XlsxBook.Read(Path.Combine(folder, "results.xlsx"));
        var tables = book.SheetNames.Except(OtherSheets).ToList();
        Assert.Contains("Providers", tables);
        foreach (var name in tables)
        {
            var sheet = book[name];
            var labels = sheet.Rows[sheet.FrozenRows - 2];
            var columns = sheet.Rows[sheet.FrozenRows - 1];
            Assert.Equal(columns.Count, labels.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                var (column, label) = (columns[c]!.Text!, labels[c]?.Text ?? "");
                Assert.True(label.Length > 0 && label != column, $"{fileName}, {name}: column {column} is labelled '{label}'");
                Assert.DoesNotContain("_", label, StringComparison.Ordinal);
            }
        }
    }
}
