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
            "9cc0f75552f5fd0f807b22bb98bd560d8f6868f797dc11474e30b461f7b725be",
            "5e593d3d07a074363939d8d9a3d276ade4e05a283bbb09f81c5f0baec70c1f08"),
        ["doncaster-ccash.yaml"] = (
            "29ccca591d4cb54984003f5a7be476cf54875d99fa266bb051a8113fb6c85e9e",
            "fd18018af235e5108ebc4a7e8beacffad831bd0cff543323f4e4f525753a1c4b"),
        ["doncaster-lead-exit.yaml"] = (
            "798b461107ff1061a9fda97bc9788d8d5f7486e4bfc4c0770622ba9091aae4d0",
            "e814ea4ddff13e5c9515605ff85519c7cb0765bb85a1be43f6f1e1faa85eac92"),
        ["dorset-pool-2017.yaml"] = (
            "8a69645bb25baca2ee1a52e33943a3219e0555fd74f20cd9a43a033263364c96",
            "5937daf90871c4bd2f5be0d45e9c1a86a64bf5644128b7df8c87fd630a1dcf2f"),
        ["leicestershire-htlah.yaml"] = (
            "e85d3fb20e72d6a25cba02f5cf455f0becfab20f00342e515565312046d50c2c",
            "b124da2560ba883fe6deff1dfd7694fff3d67d2528a1ce6fbb19dac1da94d9c6"),
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
