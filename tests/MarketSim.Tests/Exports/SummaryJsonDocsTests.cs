using System.Text.Json;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Exports;

/// <summary>docs/outputs.md describes summary.json's shape, so that a reader can load it without opening it first.</summary>
public class SummaryJsonDocsTests(ExportedRun run) : IClassFixture<ExportedRun>
{
    [Fact]
    public void Docs_outputs_md_names_every_key_of_summary_json_and_of_its_outcomes()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "outputs.md"));
        var row = docs.Split('\n').Single(l => l.StartsWith("| `summary.json` |", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));

        var keys = summary.RootElement.EnumerateObject().Select(p => p.Name)
            .Concat(summary.RootElement.GetProperty("outcomes").EnumerateArray().SelectMany(o => o.EnumerateObject().Select(p => p.Name)))
            .Distinct().ToList();

        Assert.Contains("outcomes", keys);
        Assert.Contains("p95", keys);
        Assert.All(keys, key => Assert.Contains($"`{key}`", row, StringComparison.Ordinal));
    }
}
