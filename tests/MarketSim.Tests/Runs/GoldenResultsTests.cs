using System.Security.Cryptography;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

/// <summary>
/// Pins what every bundled scenario produces at a fixed seed, so that a refactor which should not
/// change the model (issue 10) can show it did not: runs.csv and summary.json must stay byte for byte.
/// </summary>
/// <remarks>
/// The hashes were recorded at commit a660b82. Change them only with a deliberate change to the model
/// or to the output format, and name that change in the commit that updates them. summary.json holds
/// the scenario's name, the seed, the run count and statistics only (no time, path or machine
/// values), so it can be hashed; manifest.json holds timings and is not.
/// </remarks>
public class GoldenResultsTests
{
    /// <summary>200 runs: all five scenarios and the one-thread check together take about 10 s on 2 cores.</summary>
    private const string Runs = "200";

    private const string Seed = "2026";

    private static readonly Dictionary<string, (string RunsCsv, string SummaryJson)> Recorded = new()
    {
        ["banes-your-care-your-way.yaml"] = (
            "69fc3051f7c6549352c1ab7eb96a53a894aecf6f1e826723c97fb63d4753c50e",
            "a7f0eea723064ca5dfc6094c33c4064c5412bf1f9af0a50672c76d73812e5878"),
        ["doncaster-ccash.yaml"] = (
            "5e4201ccfec613de2982c38dc3b61f19a8962fe281a30fa967b7a71cd31a08db",
            "47607c4ba597813adc1d3304bf34840cf0a5ed8164305998f9fdda2c52ee0bfc"),
        ["doncaster-lead-exit.yaml"] = (
            "e5a772178ba84265bae0fce7fc38b9bb3084ff9ad3ec54b59b2e736ebed86e12",
            "c80164d6acdc39a45e6e8092bd78238f3b6bf3a5e8210807ec03b392bb6f884d"),
        ["dorset-pool-2017.yaml"] = (
            "9a3e1d49ffd74c2ea7c7227cf509edf79bf2272a1c216aee34776779e2faefde",
            "2fc641d48b8f1db66aa9c8e37ffedfc37dc9e109af6824c618534fd7b4a85749"),
        ["leicestershire-htlah.yaml"] = (
            "37343b36f1397b7bb5093b0fca77a54f84d99fa8d5e6c0380435cfdef9e2dced",
            "08eab45f653445f7514e8398178a0934838a3767f9b64b72137c9b65a4ef0207"),
    };

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Bundled_scenarios_reproduce_their_recorded_results_byte_for_byte(string fileName)
    {
        Assert.True(Recorded.ContainsKey(fileName),
            $"{fileName} has no recorded hashes: run it with --runs {Runs} --seed {Seed} and add the SHA-256 of its runs.csv and summary.json to {nameof(Recorded)}.");

        var actual = RunAndHash(fileName, "--threads", "2");

        Assert.Equal(Recorded[fileName], actual);
    }

    [Fact]
    public void One_thread_and_small_batches_reproduce_the_recorded_results_byte_for_byte()
    {
        const string fileName = "dorset-pool-2017.yaml";

        var actual = RunAndHash(fileName, "--threads", "1", "--batch-size", "7");

        Assert.Equal(Recorded[fileName], actual);
    }

    private static (string RunsCsv, string SummaryJson) RunAndHash(string fileName, params string[] threading)
    {
        var root = Repo.TempDir();
        try
        {
            var dir = Path.Combine(root, "out");
            var run = CliRun.Of(["run", Repo.Scenario(fileName), "--runs", Runs, "--seed", Seed, "--out", dir, "--quiet", .. threading]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
            return (Sha256(Path.Combine(dir, "runs.csv")), Sha256(Path.Combine(dir, "summary.json")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
