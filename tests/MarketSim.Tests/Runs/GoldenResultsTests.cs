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
            "ff642a6284d3898df9d9a2779e0dcbe7bfd6ae43a95716bebfb6968ebfc59aa2",
            "84de1c72b16f19eed6efb80f7c8e974ce123154fc29bc717f9bc27e54200dcf8"),
        ["doncaster-ccash.yaml"] = (
            "aec18bd52824fe4595ff6f937f1eedf308b3a53be165df9b4a3703da9a1499ca",
            "a95fb4871065616f4db9342bdee39cb505ff6dc57197caa1dce33ccfa196321d"),
        ["doncaster-uncertain.yaml"] = (
            "0933aa3303106bd5efc9357ecb66d1e3f357a4a37f52e321a9aaafc8e33289fd",
            "ff972f3f7513f3a52c92bf17e01e57203703fab7cf4241b26cc6a12b68d9f220"),
        ["doncaster-lead-exit.yaml"] = (
            "dfc7aa402402880e18bbeb6095280cd851bc811bc4d4be9d707279f2b8c13251",
            "24a752b50d3e28b1f61f1e38350d62d52501c4a8d19c476c6b3f3e85f3648769"),
        ["dorset-pool-2017.yaml"] = (
            "07b9eba409d09cad0553da430067bb856b2db680b0ce36feb55fe5527f1ce6a8",
            "bac5db05218f43de16663379fde6a297fa6cfd6c2d63d46a15599b4937979e09"),
        ["leicestershire-htlah.yaml"] = (
            "2850fa1666b5211a51ad40116e41be1a40dd36d08dc15c2533ade47d09d42cc4",
            "08b324925b1a2be1a8aa658e834046325505273fd64eb53c08bf1d3adf4e401a"),
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
