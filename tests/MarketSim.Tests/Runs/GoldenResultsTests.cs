using System.Security.Cryptography;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

/// <summary>
/// Pins what every bundled scenario produces at a fixed seed, so that a refactor which should not
/// change the model (issue 10) can show it did not: runs.csv, summary.json and series.csv must stay byte for byte.
/// </summary>
/// <remarks>
/// The hashes were recorded after issue 14's samplers (ziggurat normal and exponential, Marsaglia–Tsang
/// gamma, PTRS Poisson in place of MathNet's; then package hours from an alias table of the rounded
/// distribution, and no funding draw in a zone with one funder), which change the draws;
/// FastSamplerOutcomesTests shows the headline outcomes kept their distributions. Change them only
/// with a deliberate change to the model or to the output format, and name that change in the
/// commit that updates them. summary.json holds the scenario's name, the seed, the run count, the start date,
/// the horizon and statistics only (no time, path or machine values), so it can be hashed; manifest.json holds
/// timings and is not. series.csv's hashes (the monthly series' means and P² quantiles) were added with the
/// vector P² bank of issue 14, whose series.csv was the same, byte for byte, as the P2Quantile objects' before it;
/// they were recorded again when series.csv's bands of people and providers became exact quantiles from counts and
/// the P² bands were put in order (only the p5 … p95 columns changed; runs.csv and summary.json did not).
/// summary.json's hashes of dorset-pool-2017.yaml and banes-your-care-your-way.yaml changed with the output format
/// only: care_workers_final, empty in every run of both, has a null mean, sd and se (they were 0); with those three
/// written as 0 again the file hashes as before. Every summary.json hash changed again with hand_backs'
/// description only ("after their weekly result stayed negative (income below costs) for the weeks allowed", the
/// rule the model applies, for "after their rate stayed below cost"); with the old words put back each file hashes
/// as before. Every hash was recorded again when each provider's failure and embargo hazards moved to their own
/// stream (provider/&lt;id&gt;/events, two uniforms a week), apart from its workforce's leavers and recruits, so that a
/// change to its capacity no longer shifts the week the hazard strikes it (common random numbers in compare): that
/// changes the draws of every provider with a hazard or a workforce; HazardPairingTests pins the pairing, and the
/// headline means of every bundled scenario at 2,000 runs, before and after, agreed within 4 standard errors.
/// summary.json's hashes of the three scenarios with a pooled budget changed with the liability columns' descriptions
/// only, which name each party as the scenario does ("what Dorset CCG (Continuing Healthcare) pays", not "what
/// dorset_ccg pays"); with the ids put back each file hashes as before. Every summary.json hash changed again when
/// start_date, horizon_weeks and horizon_years were added after runs; with those three lines taken out each file hashes as before.
/// </remarks>
public class GoldenResultsTests
{
    /// <summary>200 runs: all five scenarios and the one-thread check together take about 10 s on 2 cores.</summary>
    private const string Runs = "200";

    private const string Seed = "2026";

    private static readonly Dictionary<string, (string RunsCsv, string SummaryJson, string SeriesCsv)> Recorded = new()
    {
        ["banes-your-care-your-way.yaml"] = (
            "8ca8db7b7a2742a7fd6b95e51e954d1509e6b643ed46f8aa5237f048b6adc3d4",
            "499fa9026a0982520da953facf2306b9fe6309c49d365640bdbf9a12ad18545e",
            "17214d9b72ddd7516f130ea4f52a9c4839ff9fda144ea846ab9598b059f6d531"),
        ["doncaster-ccash.yaml"] = (
            "1a43687b4afb725ebf4306438f5b366b06459c35d9ada2fa5f58dd4a72117b1c",
            "1513f37f8d25def47f6e6ac96ca432854f035f85a5ba969bd7cf4731c2db1ad0",
            "1bcb624118ab5748ffcf6d643503aa812f4b861c580d58e2c9a8299ab193b31d"),
        ["doncaster-uncertain.yaml"] = (
            "0f45b9f6844bff1b62a66b813e391b4e70fc73f2093081bda894222a3e27d01a",
            "49860a0d421e341cadaac21fc2c8cbb2f22b968abac6a32d1653962ffe88ea90",
            "e96459af0b356df1ac054f589354e5610603fc02ed4a5038dbd4b20c997fb533"),
        ["doncaster-lead-exit.yaml"] = (
            "c0d76dd4ec749e22a0ec6eca43c2e8f983e2fa7d313b2153dbd7822b859a5623",
            "b10fa9bbd4d91884db35372abc7ea6c5c6aff1043d35800ba6fa2f51f9f58bda",
            "3edc40fbf03f040ab8abccb27a9d4f30898112b011ed5b7c48474ee4361c12a1"),
        ["dorset-pool-2017.yaml"] = (
            "45ee4cbd196554f4b3951bf865f45c963a7806712f36f68b9b884175d9c01a2f",
            "cce0bbcfb12c962c9d0c3dc90c99f7cbbeb425fa6850648304a55933eef1e79b",
            "93e852958fae7bdbc4721a76a3b9edba700fb508ca1109feb006bfbda30322ef"),
        ["leicestershire-htlah.yaml"] = (
            "59be66b39876518a9b14922d082f1907751f5e2232312032c328baa2049051b4",
            "0e1b2bc6e53830e8e3f28762f77f9aedd623a12420a9cbfb93005ff696a959c8",
            "753c7fe59b9788805b4273169d9c57c2fed801cc40572ef3be8df9a7caff9255"),
    };

    /// <summary>
    /// doncaster-ccash.yaml's hashes from before other work drifted by year (commit c76cbb8), when every
    /// provider's other work was drawn once per run. Regenerate them with the others whenever a
    /// deliberate change moves Doncaster's results for reasons other than the drift.
    /// </summary>
    private static readonly (string RunsCsv, string SummaryJson) DoncasterOtherWorkFixedForTheRun = (
        "55738538dd8eb3b46c8fef5b8053eba53e5cd343cbd498f4d23cf181705abf9f",
        "6cf9b8ee6e80c24538f9e7558d4853cdec9a7280cd3c4c02937ac4fe133f8eca");

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Bundled_scenarios_reproduce_their_recorded_results_byte_for_byte(string fileName)
    {
        Assert.True(Recorded.ContainsKey(fileName),
            $"{fileName} has no recorded hashes: run it with --runs {Runs} --seed {Seed} and add the SHA-256 of its runs.csv, summary.json and series.csv to {nameof(Recorded)}.");

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

            Assert.Equal(DoncasterOtherWorkFixedForTheRun, (actual.RunsCsv, actual.SummaryJson));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (string RunsCsv, string SummaryJson, string SeriesCsv) RunAndHash(string fileName, params string[] threading)
    {
        var root = Repo.TempDir();
        try
        {
            var dir = Path.Combine(root, "out");
            var scenario = Path.IsPathRooted(fileName) ? fileName : Repo.Scenario(fileName);
            var run = CliRun.Of(["run", scenario, "--runs", Runs, "--seed", Seed, "--out", dir, "--quiet", .. threading]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
            return (Sha256(Path.Combine(dir, "runs.csv")), Sha256(Path.Combine(dir, "summary.json")), Sha256(Path.Combine(dir, "series.csv")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
