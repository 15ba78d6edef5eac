using System.Globalization;
using System.Xml.Linq;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.Sensitivity;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

public class SpiderTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");
    private static readonly XNamespace Svg = SvgCanvas.Ns;

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
    public void Sensitivity_command_writes_spider_csv_and_a_spider_chart_whose_ends_are_the_tornado_bars()
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

        var tornado = XDocument.Load(Path.Combine(dir, "charts", "tornado_unmet_hours_total.svg"));
        var bars = tornado.Descendants(Svg + "rect").Where(r => ((string?)r.Attribute("class"))?.StartsWith("bar", StringComparison.Ordinal) == true)
            .Select(r => r.Attribute("data-effect")!.Value).Order().ToList();
        var ends = rows.Where(r => r[1] is "low" or "high").Select(r => r[7]).Order().ToList();
        Assert.Equal(ends, bars);

        var chart = XDocument.Load(Path.Combine(dir, "charts", "spider_unmet_hours_total.svg"));
        Assert.Equal(2, chart.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "spider-line"));
        var means = chart.Descendants(Svg + "circle").Select(c => c.Attribute("data-mean")!.Value).ToList();
        Assert.Equal(rows.Select(r => double.Parse(r[6], CultureInfo.InvariantCulture)), means.Select(m => double.Parse(m, CultureInfo.InvariantCulture)));
        Assert.Contains("Mean unmet_hours_total (hours)", chart.ToString(), StringComparison.Ordinal);
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
        Assert.Contains($"--points: {points} is not allowed; allowed: a whole number ≥ 2", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_spider_point_sits_at_its_position_and_mean_and_the_base_case_is_dashed()
    {
        var svg = SpiderChart.Draw("Spider", "Mean unmet hours (hours)", [new("capacity", [(0, 100), (0.5, 150), (1, 200)])], baseMean: 150);

        var circles = svg.Descendants(Svg + "circle").ToList();
        var left = double.Parse(circles[0].Attribute("cx")!.Value, CultureInfo.InvariantCulture);
        var middle = double.Parse(circles[1].Attribute("cx")!.Value, CultureInfo.InvariantCulture);
        var right = double.Parse(circles[2].Attribute("cx")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal((left + right) / 2, middle, 1);
        var baseLine = svg.Descendants(Svg + "line").Single(l => (string?)l.Attribute("class") == "base");
        Assert.Equal("6 4", baseLine.Attribute("stroke-dasharray")!.Value);
        Assert.Equal(double.Parse(circles[1].Attribute("cy")!.Value, CultureInfo.InvariantCulture), double.Parse(baseLine.Attribute("y1")!.Value, CultureInfo.InvariantCulture), 1);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "capacity");
    }
}
