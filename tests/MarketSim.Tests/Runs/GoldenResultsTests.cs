using System.Security.Cryptography;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

/// <summary>
/// Pins what every bundled scenario produces at a fixed seed, so that a refactor which should not
/// change the model (issue 10) can show it did not: runs.csv and summary.json must stay byte for byte.
/// </summary>
/// <remarks>
/// The hashes were recorded after issue 11: fair brokerage across zones, the unmet-need cost columns,
/// and exits by cause with the UKHCA-calibrated provider costs. Change them only
/// with a deliberate change to the model or to the output format, and name that change in the
/// commit that updates them. summary.json holds the scenario's name, the seed, the run count and
/// statistics only (no time, path or machine values), so it can be hashed; manifest.json holds
/// timings and is not.
/// </remarks>
public class GoldenResultsTests
{
    /// <summary>200 runs: all five scenarios and the one-thread check together take about 10 s on 2 cores.</summary>
    private const string Runs = "200";

    private const string Seed = "2026";

    private static readonly Dictionary<string, (string RunsCsv, string SummaryJson)> Recorded = new()
    {
        ["banes-your-care-your-way.yaml"] = (
            "5aa890b5fe894b840c95e0906a50df428ea5c068d5428e3e6cf42b4b985273fc",
            "fb276511be44c6e208893aba77192bf9e2b154e57af9a788315c3bcf76a906e3"),
        ["doncaster-ccash.yaml"] = (
            "21b8890c573601ef2fd1ce4e95bc1cb59adda2f4d864aea540944a34600fd4ac",
            "aadf3b1521a01041369985d14fffa4e27d391f917ef0a3b09e92155c5732f3f5"),
        ["doncaster-uncertain.yaml"] = (
            "d2aaaa7c87838508968abd617848a0b4e0d295544c76ddf438246debae93b3ab",
            "478aea3d4706a7812cd5692828a310789c27b9581e8938b93ed6b3300c5d80c0"),
        ["doncaster-lead-exit.yaml"] = (
            "1d347a984cf69600ad7c5c75d8a56d85ab4b1931c11b1ddd5294740d07ab0d45",
            "97e7ce23f71e8a3d33d54c11edd2eea2c10041c8a5fcb9a6c3b3d87da10edc90"),
        ["dorset-pool-2017.yaml"] = (
            "93071fd0cb8c34ad7c657ccfebc237dae9c1c4a256e5a74dd85e7e3276af49f9",
            "af74437d0db700f0ad5793594a24dd57a6b858d21d60671c2cb0eaf0e7bf5a91"),
        ["leicestershire-htlah.yaml"] = (
            "872d7fc1e637018830581a50123432ccc27bba2a4e124e2183b066589e836a3e",
            "3c17bf2ec00fa18fa14b242647212951223852a0e02fb53d152cee10504c0605"),
    };

    /// <summary>
    /// doncaster-ccash.yaml's hashes from before other work drifted by year (commit c76cbb8), when every
    /// provider's other work was drawn once per run. Regenerate them with the others whenever a
    /// deliberate change moves Doncaster's results for reasons other than the drift.
    /// </summary>
    private static readonly (string RunsCsv, string SummaryJson) DoncasterOtherWorkFixedForTheRun = (
        "aec18bd52824fe4595ff6f937f1eedf308b3a53be165df9b4a3703da9a1499ca",
        "a95fb4871065616f4db9342bdee39cb505ff6dc57197caa1dce33ccfa196321d");

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

    [Fact]
    public void Other_work_persistence_1_reproduces_doncasters_results_from_before_other_work_drifted_byte_for_byte()
    {
        var yaml = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"));
        var fixedForTheRun = yaml.Replace("other_work_persistence: { value: 0.7,", "other_work_persistence: { value: 1,", StringComparison.Ordinal);
        Assert.NotEqual(yaml, fixedForTheRun);
        var root = Repo.TempDir();
        try
        {
            var path = Path.Combine(root, "doncaster-ccash.yaml");
            File.WriteAllText(path, fixedForTheRun);

            var actual = RunAndHash(path, "--threads", "2");

            Assert.Equal(DoncasterOtherWorkFixedForTheRun, actual);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (string RunsCsv, string SummaryJson) RunAndHash(string fileName, params string[] threading)
    {
        var root = Repo.TempDir();
        try
        {
            var dir = Path.Combine(root, "out");
            var scenario = Path.IsPathRooted(fileName) ? fileName : Repo.Scenario(fileName);
            var run = CliRun.Of(["run", scenario, "--runs", Runs, "--seed", Seed, "--out", dir, "--quiet", .. threading]);
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
