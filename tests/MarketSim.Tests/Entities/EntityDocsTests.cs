using System.Text.RegularExpressions;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Entities;

/// <summary>docs/outputs.md documents every entity file and every metric of every bundled scenario's entities.</summary>
public partial class EntityDocsTests
{
    [GeneratedRegex(@"_year_\d+$")]
    private static partial Regex YearSuffix();

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_entity_metric_and_file_is_documented(string fileName)
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "outputs.md"));
        var schema = new OutcomeSchema(ScenarioLoader.Load(Repo.Scenario(fileName)));

        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            Assert.Contains($"`{EntityFiles.FileName(kind)}`", docs, StringComparison.Ordinal);
        }
        foreach (var block in schema.Entities)
        {
            foreach (var metric in schema.MetricsOf(block).Where(m => !m.Internal))
            {
                // Per-pool and per-party names are documented by their stem (liability_gbp__POOL__MODEL), years as _year_Y.
                var name = YearSuffix().Replace(metric.Name, "_year_Y");
                var documented = name.Contains("__", StringComparison.Ordinal) ? name[..(name.IndexOf("__", StringComparison.Ordinal) + 2)] : name + "`";
                Assert.Contains($"`{documented}", docs, StringComparison.Ordinal);
            }
        }
        foreach (var column in new[] { "p_exit_by_year_Y", "p_exit_by_year_Y_se", "p_hazard_exit_by_year_Y", "p_reserves_exhausted_by_year_Y", "p_hand_back_by_year_Y", "p_forced_exit_by_year_Y", "most_common_exit_cause", "p_loses_lead", "p_loses_lead_se", "METRIC_runs", "METRIC_p95" })
        {
            Assert.Contains($"`{column}`", docs, StringComparison.Ordinal);
        }
    }
}
