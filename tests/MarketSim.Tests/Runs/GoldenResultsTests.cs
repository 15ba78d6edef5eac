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
            "15c7f5d72f97e44b514e26cc59f85460b19f48117e6b42f98e26622ba1a8ccbe",
            "becc8dc278e523a34ebc28e17b6ceb2267232917268185805f7848008d4d737d"),
        ["doncaster-ccash.yaml"] = (
            "eeb6dfff77dae4c130d4276fad2e7cb41eca36999c09c44c70e5f6e4266b3b38",
            "55203aaf2d2eec35dc293af96200dc0c5c0485e3292acafd77f89c4c42c1f1a3"),
        ["doncaster-lead-exit.yaml"] = (
            "e4882dea787ad510f2524fef3ca51f5e96cff783041534c032a9bfeb99a413af",
            "8f1d7323869dea3ab55a6bad317f273b8b1f903269bc8e4d668e6915ab30b0da"),
        ["dorset-pool-2017.yaml"] = (
            "bc4a608360175b66e6b626bb289bd309028096bcec1c0317fd09a4a4ab9606ea",
            "dc7ed1f93c5263a8c7f9afa0796b55d2c2f6b838330f5bcdecdb441abddc86f9"),
        ["leicestershire-htlah.yaml"] = (
            "ebfb1b97648e13acc94873093f4d5ee48ae214ef24426c8285d6f810a5fd9c24",
            "ad9dec53a1210b1860b0fe8f015e59a72a54e3a38108e5bd7dbba1acc45f7813"),
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
