using System.Xml.Linq;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Sensitivity;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

public class SpiderTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void With_three_points_the_middle_equals_a_separate_run_at_the_mid_value_and_the_ends_equal_the_two_point_tornado()
    {
        string[] metrics = ["unmet_hours_total", "spend_gbp__doncaster_council"];
        var spider = SensitivityAnalysis.Run(Doncaster, [Variation.Parse("providers.slp_a.capacity_weekly_hours=2000..3000")!], metrics, seed: 6, runs: 24, threads: 2, points: 3);
        var tornado = SensitivityAnalysis.Run(Doncaster, [Variation.Parse("providers.slp_a.capacity_weekly_hours=2000..3000")!], metrics, seed: 6, runs: 24, threads: 2, points: 2);
        var atMid = SensitivityAnalysis.Run(Doncaster, [Variation.Parse("providers.slp_a.capacity_weekly_hours=2500..3000")!], metrics, seed: 6, runs: 24, threads: 2, points: 2);

        foreach (var metric in metrics)
        {
            var mid = spider.Single(e => e.Metric == metric && e.Setting == "mid");
            Assert.Equal((2500.0, 0.5), (mid.Value, mid.Position));
            var separate = atMid.Single(e => e.Metric == metric && e.Setting == "low");
            Assert.Equal(separate.VariantMean, mid.VariantMean);
            Assert.Equal(separate.Difference.Mean, mid.Difference.Mean);
            Assert.Equal(separate.Difference.StdError, mid.Difference.StdError);
            foreach (var (setting, position) in new[] { ("low", 0.0), ("high", 1.0) })
            {
                var end = spider.Single(e => e.Metric == metric && e.Setting == setting);
                var bar = tornado.Single(e => e.Metric == metric && e.Setting == setting);
                Assert.Equal(position, end.Position);
                Assert.Equal(bar.Value, end.Value);
                Assert.Equal(bar.Difference.Mean, end.Difference.Mean);
                Assert.Equal(bar.VariantMean, end.VariantMean);
            }
        }
        Assert.NotEqual(0, spider.Single(e => e.Metric == "unmet_hours_total" && e.Setting == "low").Difference.Mean);
    }

    [Fact]
    public void Sensitivity_command_writes_spider_csv_and_a_tornado_and_a_spider_chart_in_PNG_and_SVG()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--vary", "zones.*.demand.annual_growth=0..0.04", "--metric", "unmet_hours_total", "--runs", "12", "--points", "4", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(dir, "spider.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["2000", "2500", "3000", "3500"], rows.Take(4).Select(r => r[3]));
        Assert.Equal(["0", "0.3333333333333333", "0.6666666666666666", "1"], rows.Take(4).Select(r => r[2]));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(dir, "sensitivity.csv")).Length);

        foreach (var chart in new[] { "tornado_unmet_hours_total", "spider_unmet_hours_total" })
        {
            Assert.Equal(ChartImages.PngSignature, File.ReadAllBytes(Path.Combine(dir, "charts", chart + ".png")).Take(8));
        }
        var tornado = ChartImages.Texts(XDocument.Load(Path.Combine(dir, "charts", "tornado_unmet_hours_total.svg")).Root!);
        Assert.Contains("providers › SLP A › capacity weekly hours (2,000 to 3,500)", tornado);
        Assert.Contains("zones › all › demand › annual growth (0 to 0.04)", tornado);
        var spider = ChartImages.Texts(XDocument.Load(Path.Combine(dir, "charts", "spider_unmet_hours_total.svg")).Root!);
        Assert.Contains("Mean over the runs (hours)", spider);
        Assert.Contains(spider, t => t.StartsWith("providers › SLP A › capacity weekly hours (2,000 to 3,500)", StringComparison.Ordinal));
        Assert.Contains("spider_unmet_hours_total", File.ReadAllText(Path.Combine(dir, "manifest.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public void Fewer_than_two_points_are_refused_with_exit_2(string points)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500", "--points", points, "--runs", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--points: '{points}' is not allowed; allowed: a whole number from 2 to", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
