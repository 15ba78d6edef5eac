using System.Text.RegularExpressions;
using System.Xml.Linq;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;
using MarketSim.Tests.Support;
using Microsoft.Playwright;

namespace MarketSim.Tests.Reports;

/// <summary>The HTML report of a results folder: self-contained, and rendering in a real browser.</summary>
public partial class ReportTests
{
    internal static readonly Lazy<string> Folder = new(() =>
    {
        var dir = Path.Combine(Repo.TempDir(), "dorset");
        var run = CliRun.Of("run", Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "120", "--seed", "3", "--out", dir, "--quiet");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return dir;
    });

    [GeneratedRegex("""(?:src|href|xlink:href)\s*=\s*["']?(?!#)[^"'\s>]+|url\((?!#)|@import|<script|<link|<iframe|<object|<embed""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void Every_chart_of_an_outcome_over_the_horizon_names_the_horizon_in_its_title()
    {
        var titles = Directory.GetFiles(Path.Combine(Folder.Value, "charts"), "*.svg")
            .Where(f => !Path.GetFileName(f).StartsWith("fan_", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => XDocument.Load(f).Root!.Element(XNamespace.Get("http://www.w3.org/2000/svg") + "title")!.Value);

        // A PNG pasted into a board paper keeps only its title: "over the horizon" alone would not say over how long.
        Assert.Contains("provider_risk", titles.Keys);
        Assert.Contains("liability_dorset", titles.Keys);
        Assert.Contains("histogram_unmet_hours_total", titles.Keys);
        Assert.All(titles, t => Assert.Contains("over the 2-year horizon", t.Value.Replace("within", "over", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Equal("Unmet need over the 2-year horizon: spread over 120 futures", titles["histogram_unmet_hours_total"]);
    }

    [Fact]
    public void Report_html_references_nothing_outside_itself()
    {
        var html = File.ReadAllText(Path.Combine(Folder.Value, "report.html"));

        Assert.Empty(ExternalReference().Matches(html).Select(m => m.Value));
        Assert.Contains("<svg", html);
        Assert.Contains("Provenance", html);
        Assert.Contains("Scenario SHA-256", html);
    }

    [Fact]
    public void Every_chart_file_is_well_formed_and_embedded_in_the_report()
    {
        var html = File.ReadAllText(Path.Combine(Folder.Value, "report.html"));
        var charts = Directory.GetFiles(Path.Combine(Folder.Value, "charts"), "*.svg");

        Assert.Contains(charts, c => Path.GetFileName(c).StartsWith("fan_", StringComparison.Ordinal));
        Assert.Contains(charts, c => Path.GetFileName(c).StartsWith("histogram_", StringComparison.Ordinal));
        Assert.Contains(charts, c => Path.GetFileName(c).StartsWith("exceedance_", StringComparison.Ordinal));
        Assert.Contains(charts, c => Path.GetFileName(c).StartsWith("liability_", StringComparison.Ordinal));
        Assert.Contains(charts, c => Path.GetFileName(c).StartsWith("convergence_", StringComparison.Ordinal));
        foreach (var chart in charts)
        {
            var svg = XDocument.Load(chart).Root!;
            Assert.Contains($"id=\"{Path.GetFileNameWithoutExtension(chart)}\"", html);
            Assert.False(string.IsNullOrWhiteSpace(svg.Element(svg.Name.Namespace + "title")?.Value));
        }
    }

    [Fact]
    public async Task Report_renders_its_charts_in_headless_Chromium()
    {
        await using var chromium = await HeadlessChromium.OpenReport(Folder.Value);
        var page = chromium.Page;

        var headings = await page.Locator("h2").AllTextContentsAsync();
        Assert.Equal(HtmlReport.Sections, headings);
        foreach (var heading in HtmlReport.Sections)
        {
            Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).IsVisibleAsync(), $"section '{heading}' is not visible");
        }

        var charts = page.Locator("figure svg");
        var count = await charts.CountAsync();
        Assert.True(count >= 8, $"{count} charts rendered");
        for (var i = 0; i < count; i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Width > 100 && box.Height > 100, $"chart {i} is {box.Width} × {box.Height}");
        }
        var screenshot = Path.Combine(Folder.Value, "report.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }
}
