using System.Globalization;
using System.Text.Json;

namespace MarketSim.Tests.Exports;

/// <summary>risk_share.json holds the two risk-share tables, so that a reader of either format gets the same cells.</summary>
public class RiskShareJsonTests(ExportedRun run) : IClassFixture<ExportedRun>
{
    [Theory]
    [InlineData("risk_share.csv", "liabilities")]
    [InlineData("risk_share_differences.csv", "differences")]
    public void Risk_share_json_has_every_cell_of_its_csv_table_under_the_same_name(string file, string table)
    {
        var csv = run.Csv(file);
        using var json = JsonDocument.Parse(File.ReadAllText(run.File("risk_share.json")));
        var rows = json.RootElement.GetProperty(table).EnumerateArray().ToList();

        Assert.Equal(csv.Count - 1, rows.Count);
        Assert.Contains("runs", csv[0]);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < csv[0].Length; c++)
            {
                var cell = rows[r].GetProperty(csv[0][c]);
                var expected = csv[r + 1][c];
                if (cell.ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(expected, cell.GetString());
                }
                else
                {
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), cell.GetDouble());
                }
            }
        }
    }
}
