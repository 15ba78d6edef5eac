using System.Security.Cryptography;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

/// <summary>
/// Pins what every bundled scenario produces at a fixed seed, so that a refactor which should not
/// change the model (issue 10) can show it did not: runs.csv and summary.json must stay byte for byte.
/// </summary>
/// <remarks>
/// The hashes were recorded after issue 14's samplers (ziggurat normal and exponential, Marsaglia–Tsang
/// gamma, PTRS Poisson in place of MathNet's), which change every draw; FastSamplerOutcomesTests shows the
/// headline outcomes kept their distributions. Change them only
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
            "b4331f810159f22b56b83e9f630ccf6122c9ea4d70e75efdd93897930fcff47d",
            "29ad5df1ff1b3512cd307d8fcfd21f3a813cc0b2eefcc5589e388a9afd4d786e"),
        ["doncaster-ccash.yaml"] = (
            "de5659f5a2c86706675244664d80f83ba15c76a9b42f8093eea24f8413ab7170",
            "2a7a0fc4b5713074f02617a15d2022d9b61012e806e84428345cdf5fde18b18f"),
        ["doncaster-uncertain.yaml"] = (
            "7469d151bfad093854cf11abcbf3fb0940bbd80efc03453fa2bb6f20d78019b4",
            "73dd3667a5eb91a7edc58166473e494b8d2d6b0e3d9be044819600edcd7e15a7"),
        ["doncaster-lead-exit.yaml"] = (
            "e47e674662f27ac0dc98c22945fbb534b87f9bf3137d9910ace970667fc2af51",
            "178b154888283e352781ed47771f4e3c4fec51168319741674adcb6bb0b240c0"),
        ["dorset-pool-2017.yaml"] = (
            "6e58c8cfb5ed887459ca32f54bc9df49e0a576498f96fbe64cb3c11973adc2ee",
            "5f4cff02de57c117a7bdf4a249d70d2373003a180d7cf2339645e161b58a6844"),
        ["leicestershire-htlah.yaml"] = (
            "47940bd1efc96597f65171fd205d67de48ca05998bd0f809815270dbdb219b32",
            "025c60b27e3ad46d8f99ce6d4750810b6102301eb36894e9b04c9fde01c81621"),
    };

    /// <summary>
    /// doncaster-ccash.yaml's hashes from before other work drifted by year (commit c76cbb8), when every
    /// provider's other work was drawn once per run. Regenerate them with the others whenever a
    /// deliberate change moves Doncaster's results for reasons other than the drift.
    /// </summary>
    private static readonly (string RunsCsv, string SummaryJson) DoncasterOtherWorkFixedForTheRun = (
        "8e0e66c73046be141353a633bd81bafaf2103f7db0545b5fe757c9d28057b3c5",
        "a14fa17bfa6133d431507a29711fc5f5d31ea6ada6b11575e08f9add83e32af3");

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
