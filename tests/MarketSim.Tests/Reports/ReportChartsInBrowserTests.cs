using System.Text.Json;
using MarketSim.Tests.Support;
using Xunit.Abstractions;

namespace MarketSim.Tests.Reports;

/// <summary>report.html's charts as Debian's Chromium draws them: none empty, and no two labels of one chart on top of each other.</summary>
public class ReportChartsInBrowserTests(ITestOutputHelper output)
{
    private const string Measure = """
        () => [...document.querySelectorAll('figure svg')].map(svg => {
          const box = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')]
            .map(t => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }))
            .filter(t => t.text.length > 0);
          const overlaps = [];
          for (let i = 0; i < texts.length; i++)
            for (let j = i + 1; j < texts.length; j++) {
              const a = texts[i].box, b = texts[j].box;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 1 && h > 1) overlaps.push(`'${texts[i].text}' and '${texts[j].text}'`);
            }
          return { id: svg.closest('figure').id, width: box.width, height: box.height,
                   marks: svg.querySelectorAll('path, rect').length, texts: texts.length,
                   blankTexts: texts.filter(t => t.box.width < 1 || t.box.height < 1).length, overlaps };
        })
        """;

    private sealed record Drawn(string Id, double Width, double Height, int Marks, int Texts, int BlankTexts, string[] Overlaps);

    [Fact]
    public async Task Every_chart_in_the_report_has_content_and_no_overlapping_labels_in_Chromium()
    {
        await using var chromium = await HeadlessChromium.OpenReport(ReportTests.Folder.Value);
        var page = chromium.Page;

        var charts = JsonSerializer.Deserialize<List<Drawn>>((await page.EvaluateAsync(Measure))!.Value.GetRawText(), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        Assert.True(charts.Count >= 10, $"{charts.Count} charts");
        Assert.Contains(charts, c => c.Id == "provider_risk");
        Assert.Contains(charts, c => c.Id.StartsWith("liability_", StringComparison.Ordinal));
        foreach (var chart in charts)
        {
            Assert.True(chart.Width > 300 && chart.Height > 200, $"{chart.Id} is {chart.Width} × {chart.Height}");
            Assert.True(chart.Marks >= 5 && chart.Texts >= 8, $"{chart.Id} has {chart.Marks} marks and {chart.Texts} labels");
            Assert.Equal(0, chart.BlankTexts);
            Assert.True(chart.Overlaps.Length == 0, $"{chart.Id}: {string.Join("; ", chart.Overlaps)}");
        }
        var screenshot = Path.Combine(Repo.TempDir(), "report-charts.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the report: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }
}
