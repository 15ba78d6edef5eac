using System.Xml.Linq;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Reports;
using MarketSim.Tests.Support;
using SkiaSharp;

namespace MarketSim.Tests.Comparison;

/// <summary>The charts `compare` writes: a forest plot of the paired differences per unit, as PNG and SVG, embedded in report.html.</summary>
public class CompareChartTests
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");
        var run = CliRun.Of("compare", Repo.Scenario("doncaster-ccash.yaml"), Repo.Scenario("doncaster-lead-exit.yaml"), "--runs", "20", "--seed", "4", "--out", dir, "--quiet");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return dir;
    });

    [Fact]
    public void Compare_writes_a_differences_chart_per_unit_as_valid_PNG_and_SVG_and_report_html_embeds_each()
    {
        var charts = Path.Combine(Folder.Value, "charts");
        var html = File.ReadAllText(Path.Combine(Folder.Value, "report.html"));
        var headlineUnits = CompareCsv.Rows(Path.Combine(Folder.Value, "compare.csv"))
            .Where(r => !r["outcome"].StartsWith("weeks_without_lead__", StringComparison.Ordinal)).Select(r => r["unit"]).Distinct().ToList();

        var svgs = Directory.GetFiles(charts, "*.svg").Order(StringComparer.Ordinal).ToList();

        Assert.Contains(Path.Combine(charts, "differences_gbp.svg"), svgs);
        Assert.Contains(Path.Combine(charts, "differences_hours.svg"), svgs);
        Assert.Equal(headlineUnits.Count, svgs.Count);
        foreach (var svg in svgs)
        {
            var name = Path.GetFileNameWithoutExtension(svg);
            Assert.StartsWith("differences_", name, StringComparison.Ordinal);
            Assert.Equal(ChartImages.Svg + "svg", XDocument.Load(svg).Root!.Name);
            var png = File.ReadAllBytes(Path.ChangeExtension(svg, ".png"));
            Assert.Equal(ChartImages.PngSignature, png[..8]);
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(1000, bitmap.Width);
            Assert.Contains($"<figure id=\"{name}\">", html, StringComparison.Ordinal);
            Assert.Contains($"charts/{name}.svg", html, StringComparison.Ordinal);
            Assert.Contains($"charts/{name}.png", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_differences_chart_says_which_scenarios_runs_and_horizon_and_labels_its_outcomes_and_unit_for_people()
    {
        var svg = XDocument.Load(Path.Combine(Folder.Value, "charts", "differences_gbp.svg")).Root!;
        var title = svg.Element(ChartImages.Svg + "title")!.Value;
        var texts = ChartImages.Texts(svg);

        Assert.Equal("Doncaster CCASH, lead provider exit in zones 4 and 5 − Doncaster CCASH: paired differences (£) over the 5-year horizon, 20 runs each", title);
        Assert.Contains("Mean difference, other − base (£)", texts);
        Assert.Contains("Spend: Doncaster Council", texts);
        Assert.Contains("0: no difference", texts);
        Assert.DoesNotContain(texts, t => t.Contains("unmet_hours_total", StringComparison.Ordinal) || t.Contains("Unmet care (hours)", StringComparison.Ordinal));
    }
}
