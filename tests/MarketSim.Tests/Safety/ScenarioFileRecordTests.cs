using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Sensitivity;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Safety;

/// <summary>
/// A results folder records the scenario file as it was loaded: moving, deleting or editing the file while the runs go on
/// changes neither the results nor scenario.yaml and the SHA-256 in manifest.json and report.html.
/// </summary>
public class ScenarioFileRecordTests
{
    private const string BaseOfVariants = "doncaster-ccash.yaml";
    private const string Edited = "\n# edited while the runs went on\n";

    [Fact]
    public void A_scenario_file_deleted_after_loading_still_gives_a_complete_run_folder_with_the_hash_of_the_bytes_loaded()
    {
        var (scenario, loaded) = CopyOf("doncaster-ccash.yaml");
        var dir = Path.Combine(Repo.TempDir(), "out");

        using (var prepared = Experiment.Prepare(new ExperimentOptions(scenario, 20, 3, dir, Threads: 1), new PhaseTimings()))
        {
            File.Delete(scenario);
            using var result = prepared.Run();
        }

        AssertRecorded(dir, loaded);
        Assert.Contains(Hash(loaded), File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_file_edited_after_loading_is_recorded_as_it_was_run()
    {
        var (scenario, loaded) = CopyOf("doncaster-ccash.yaml");
        var dir = Path.Combine(Repo.TempDir(), "out");

        using (var prepared = Experiment.Prepare(new ExperimentOptions(scenario, 20, 3, dir, Threads: 1), new PhaseTimings()))
        {
            File.AppendAllText(scenario, Edited);
            using var result = prepared.Run();
        }

        AssertRecorded(dir, loaded);
    }

    [Fact]
    public void Compare_records_each_scenario_file_as_it_was_loaded_though_they_are_deleted_and_edited_before_the_files_are_written()
    {
        var (baseFile, baseLoaded) = CopyOf("doncaster-ccash.yaml");
        var (other, otherLoaded) = CopyOf("doncaster-lead-exit.yaml");
        var dir = Path.Combine(Repo.TempDir(), "out");
        var plan = ScenarioComparison.Plan([baseFile, other]);
        var otherEffective = ScenarioLoader.EffectiveYaml(other);

        File.Delete(baseFile);
        File.AppendAllText(other, Edited);
        using (var folder = ResultsFolder.Begin(dir, overwrite: false))
        {
            var results = ScenarioComparison.Run(plan, 3, 10, 1, folder);
            CompareCommand.Write(folder, plan, results, 3, 10);
            folder.Commit();
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, Manifest.FileName)));
        var scenarios = manifest.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal([Hash(baseLoaded), Hash(otherLoaded)], scenarios.Select(s => s.GetProperty("scenario_sha256").GetString()));
        Assert.Equal(baseLoaded, File.ReadAllBytes(Path.Combine(dir, scenarios[0].GetProperty("folder").GetString()!, "scenario.yaml")));
        Assert.Equal(otherEffective, File.ReadAllText(Path.Combine(dir, scenarios[1].GetProperty("folder").GetString()!, "scenario.yaml")));
    }

    [Fact]
    public void Sensitivity_records_the_scenario_file_as_it_was_loaded_though_it_is_edited_before_the_files_are_written()
    {
        var (scenario, loaded) = CopyOf("doncaster-ccash.yaml");
        var dir = Path.Combine(Repo.TempDir(), "out");
        var variations = new[] { Variation.Parse("zones.*.demand.annual_growth=0..0.04")! };
        var metrics = new[] { "unmet_hours_total" };
        var plan = SensitivityAnalysis.Plan(scenario, variations, metrics);

        File.AppendAllText(scenario, Edited);
        using (var folder = ResultsFolder.Begin(dir, overwrite: false))
        {
            var effects = SensitivityAnalysis.Run(plan, 3, 10, 1);
            SensitivityCommand.Write(folder, scenario, plan, variations, effects, 3, 10, SensitivityAnalysis.DefaultPoints, 1);
            folder.Commit();
        }

        AssertRecorded(dir, loaded);
    }

    [Fact]
    public void Sobol_sensitivity_records_the_scenario_file_as_it_was_loaded_though_it_and_its_base_are_deleted_before_the_files_are_written()
    {
        var (scenario, loaded) = CopyOf("doncaster-uncertain.yaml");
        var dir = Path.Combine(Repo.TempDir(), "out");
        var plan = SobolAnalysis.Plan(scenario, ["unmet_hours_total"], baseRuns: 2, seed: 3);
        var effective = ScenarioLoader.EffectiveYaml(scenario);

        File.Delete(scenario);
        File.Delete(Path.Combine(Path.GetDirectoryName(scenario)!, BaseOfVariants));
        using (var folder = ResultsFolder.Begin(dir, overwrite: false))
        {
            var results = SobolAnalysis.Run(plan, 3, 1);
            SobolFiles.Write(folder, scenario, plan, results, 3, 1);
            folder.Commit();
        }

        AssertRecorded(dir, loaded, effective);
    }

    // A copy of a bundled scenario in a folder of its own, with the base the variants name, and the copy's bytes.
    private static (string Path, byte[] Bytes) CopyOf(string bundled)
    {
        var folder = Repo.TempDir();
        foreach (var name in new[] { bundled, BaseOfVariants }.Distinct())
        {
            File.Copy(Repo.Scenario(name), Path.Combine(folder, name));
        }
        var path = Path.Combine(folder, bundled);
        return (path, File.ReadAllBytes(path));
    }

    // The folder's scenario.yaml is the file's text or, for a file with a base, the merge of the files as they were when loaded.
    private static void AssertRecorded(string dir, byte[] loaded, string? effectiveYaml = null)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, Manifest.FileName)));
        Assert.Equal(Hash(loaded), manifest.RootElement.GetProperty("scenario_sha256").GetString());
        Assert.Equal(effectiveYaml ?? Encoding.UTF8.GetString(loaded), File.ReadAllText(Path.Combine(dir, "scenario.yaml")));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
