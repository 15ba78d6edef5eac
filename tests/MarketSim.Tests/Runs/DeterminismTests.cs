using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

/// <summary>The same scenario, seed and runs give byte-identical results whatever the threads and batch size.</summary>
public class DeterminismTests
{
    private static string RunDoncaster(params string[] extra)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        var run = CliRun.Of(["run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "150", "--seed", "77", "--out", dir, "--quiet", .. extra]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return dir;
    }

    [Fact]
    public void One_and_four_threads_give_the_same_results_folder_byte_for_byte_but_for_the_manifests_timings()
    {
        var one = RunDoncaster("--threads", "1");
        var four = RunDoncaster("--threads", "4", "--batch-size", "7");

        var files = Directory.GetFiles(one, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(one, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(four, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(four, f)).Order(StringComparer.Ordinal));
        Assert.Contains("runs.csv", files);
        Assert.Contains("results.xlsx", files);
        foreach (var file in files.Where(f => f != "manifest.json"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(four, file))), $"{file} differs between 1 and 4 threads");
        }
    }

    [Fact]
    public void Without_batch_size_the_manifest_records_the_one_chosen_for_the_runs_and_threads()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        var run = CliRun.Of("run", Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "200", "--threads", "2", "--out", dir, "--quiet");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));

        Assert.Equal(16, manifest.RootElement.GetProperty("batch_size").GetInt32());
    }

    [Fact]
    public void A_different_seed_gives_different_runs()
    {
        var a = RunDoncaster("--threads", "2");
        var dir = Path.Combine(Repo.TempDir(), "out");
        CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "150", "--seed", "78", "--out", dir, "--quiet");

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "runs.csv")), File.ReadAllBytes(Path.Combine(dir, "runs.csv")));
    }
}
