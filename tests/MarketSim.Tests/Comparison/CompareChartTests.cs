using System.Net;
using System.Text.RegularExpressions;
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
        // A unit whose every headline outcome is identical in every run has no chart.
        var headlineUnits = CompareCsv.Rows(Path.Combine(Folder.Value, "compare.csv"))
            .Where(r => !r["outcome"].StartsWith("weeks_without_lead__", StringComparison.Ordinal) && r["mean_difference"].Length > 0 && !Identical(r))
            .Select(r => r["unit"]).Distinct().ToList();

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

    [Fact]
    public void A_differences_chart_omits_outcomes_identical_in_every_run_and_its_caption_names_them_and_why()
    {
        var rows = CompareCsv.Rows(Path.Combine(Folder.Value, "compare.csv"));
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(Folder.Value, "report.html")));
        var texts = ChartImages.Texts(XDocument.Load(Path.Combine(Folder.Value, "charts", "differences_people.svg")).Root!);

        // A lead provider's exit changes who cares for people, not who asks for care.
        Assert.True(Identical(rows.Single(r => r["outcome"] == "caseload_mean_people")));
        Assert.False(Identical(rows.Single(r => r["outcome"] == "peak_waiting_list_people")));
        Assert.DoesNotContain("Caseload, mean (people)", texts);
        Assert.Contains("Peak waiting list (people)", texts);
        var caption = Regex.Match(html, "<figure id=\"differences_people\">.*?<figcaption>(.*?)</figcaption>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches(@"Not charted, identical in every run \(the other scenario gives (it|each) the base's value in every paired run, a difference of exactly 0\): [^.]*Caseload, mean \(people\)", caption);
        Assert.DoesNotContain("Peak waiting list", caption, StringComparison.Ordinal);
    }

    [Fact]
    public void When_every_outcome_is_identical_in_every_run_no_chart_is_drawn_and_the_report_names_them_and_why()
    {
        var folder = Repo.TempDir();
        var scenario = Path.Combine(folder, "small.yaml");
        File.WriteAllText(scenario, MarketSim.Tests.Workbench.ExperimentComparisonTests.Small);
        var dir = Path.Combine(folder, "cmp");

        var run = CliRun.Of("compare", scenario, scenario, "--runs", "4", "--seed", "2", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(Directory.Exists(Path.Combine(dir, "charts")) ? Directory.GetFiles(Path.Combine(dir, "charts")) : []);
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.DoesNotContain("<figure", html, StringComparison.Ordinal);
        var note = Regex.Match(html, "<p class=\"muted\" id=\"not-charted\">([^<]*)</p>").Groups[1].Value;
        Assert.StartsWith("Not charted, identical in every run (the other scenario gives each the base's value in every paired run, a difference of exactly 0): ", note, StringComparison.Ordinal);
        Assert.Contains("Unmet care (hours)", note, StringComparison.Ordinal);
        Assert.Contains("Spend: North Council", note, StringComparison.Ordinal);
    }

    // A row of compare.csv whose difference is exactly 0 with a standard error of 0: the same value in every paired run.
    private static bool Identical(Dictionary<string, string> row) => row["mean_difference"] == "0" && row["difference_se"] == "0";
}
