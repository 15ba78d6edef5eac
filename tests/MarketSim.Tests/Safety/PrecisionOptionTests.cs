using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketSim.Grains.Statistics;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Safety;

/// <summary>--target-precision, --max-runs and --min-runs: consistent options and messages, days in the time left, flat memory.</summary>
public class PrecisionOptionTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Theory]
    [InlineData("--min-runs", "--target-precision unmet_hours_total=100 --max-runs 50 --min-runs 80")]
    [InlineData("--min-runs", "--target-precision unmet_hours_total=100 --runs 50 --min-runs 80")]
    [InlineData("--max-runs", "--max-runs 500")]
    [InlineData("--min-runs", "--min-runs 50")]
    [InlineData("--min-runs", "--target-precision unmet_hours_total=100 --min-runs 1")]
    [InlineData("--max-runs", "--target-precision unmet_hours_total=100 --max-runs 0")]
    public void Inconsistent_precision_options_are_refused_with_exit_2(string named, string options)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of(["run", Doncaster, "--out", dir, "--quiet", .. options.Split(' ')]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: {named}:", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void The_manifest_writes_a_comparison_as_it_reads_not_as_a_unicode_escape()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, "--target-precision", "unmet_hours_total=1000000000", "--max-runs", "40", "--min-runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(dir, "manifest.json"));
        Assert.Contains(" is ± ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);
        Assert.Contains(", hours, is ± ", manifest.RootElement.GetProperty("stop_reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.000001", "wider than")]
    [InlineData("1000000000", "within")]
    public void The_stop_message_states_a_true_comparison(string target, string relation)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, "--target-precision", $"unmet_hours_total={target}", "--max-runs", "120", "--min-runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var reason = manifest.RootElement.GetProperty("stop_reason").GetString()!;
        var match = Regex.Match(reason, @"the 95% interval of the mean of Unmet need \(care hours not delivered\), hours, is ± (\S+), (within|wider than) the target ± (\S+?),? ");
        Assert.True(match.Success, reason);
        Assert.Equal(relation, match.Groups[2].Value);
        var halfWidth = double.Parse(match.Groups[1].Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var wanted = double.Parse(match.Groups[3].Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(double.Parse(target, CultureInfo.InvariantCulture), wanted, double.Parse(target, CultureInfo.InvariantCulture) * 1e-9);
        Assert.Equal(relation == "within", halfWidth <= wanted);
        Assert.Contains(reason, run.Output);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(725, "12m 05s")]
    [InlineData(11_040, "3h 04m")]
    [InlineData(183_600, "2d 03h")]
    [InlineData(40 * 86_400, "40d 00h")]
    public void Time_left_keeps_its_days(long seconds, string shown) =>
        Assert.Equal(shown, Durations.Readable(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Quantiles_keep_memory_flat_while_runs_are_added_and_stay_exact()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 300_000).Select(_ => random.NextDouble() * 1e6).ToArray();
        using var quantiles = new Quantiles();

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var v in values)
        {
            quantiles.Add(v);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 256 * 1024, $"adding 300,000 values allocated {allocated:N0} bytes; a list in memory would take 2.4 MB or more");
        var sorted = values.Order().ToArray();
        foreach (var p in new[] { 0.0, 0.05, 0.5, 0.95, 1.0 })
        {
            Assert.Equal(SampleQuantile.Type7(sorted, p), quantiles.At(p));
        }
        Assert.Equal(sorted, quantiles.Sorted());
    }
}
