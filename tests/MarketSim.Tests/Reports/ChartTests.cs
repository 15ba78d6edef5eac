using System.Globalization;
using System.Xml.Linq;
using MarketSim.Grains.Randomness;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Tests.Reports;

public class ChartTests
{
    private static readonly XNamespace Svg = SvgCanvas.Ns;

    private static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static IEnumerable<XElement> AllCharts()
    {
        var random = new StreamRandom(3);
        var sorted = Enumerable.Range(0, 500).Select(_ => random.NextDouble() * 1000).Order().ToList();
        double[] path = [.. Enumerable.Range(0, 24).Select(i => 100.0 + i)];
        yield return HistogramChart.Draw("Histogram", "Unmet hours (hours)", sorted, sorted[25], sorted[250], sorted[475]);
        yield return ExceedanceChart.Draw("Exceedance", "Unmet hours (hours)", sorted);
        yield return FanChart.Draw("Fan", "Caseload (people)", [.. path.Select(x => x - 10)], [.. path.Select(x => x - 5)], path, [.. path.Select(x => x + 5)], [.. path.Select(x => x + 10)], m => $"M{m + 1}");
        yield return BoxPlotChart.Draw("Box", "Liability (GBP)", [new("a: dcc", "dcc", sorted), new("a: ccg", "ccg", [.. sorted.Select(x => x / 2)])]);
        yield return TornadoChart.Draw("Tornado", "Change in unmet hours (hours)", [new("capacity", -300, 200), new("growth", 50, -20)]);
        yield return SpiderChart.Draw("Spider", "Mean unmet hours (hours)", [new("capacity", [(0, 500), (0.5, 450), (1, 420)]), new("growth", [(0, 400), (0.5, 460), (1, 530)])], 455);
        yield return ConvergenceChart.Draw("Convergence", "Unmet hours (hours)", [new(10, 500, 80), new(100, 480, 30), new(1000, 490, 9)]);
    }

    [Fact]
    public void Every_chart_is_well_formed_SVG_with_a_title_and_titled_axes()
    {
        foreach (var chart in AllCharts())
        {
            var parsed = XDocument.Parse(chart.ToString());
            var root = parsed.Root!;
            Assert.Equal(Svg + "svg", root.Name);
            Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg + "title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(root.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "x-title").Value));
            Assert.NotNull(root.Descendants(Svg + "text").SingleOrDefault(t => (string?)t.Attribute("class") == "y-title"));
            Assert.True(root.Descendants(Svg + "text").Count(t => (string?)t.Attribute("class") == "y-tick") >= 2);
        }
    }

    [Fact]
    public void A_histogram_bar_is_as_tall_as_its_count()
    {
        // 121 values (so √n = 11 bins of width 1 over 0..10): 3 in [0, 1), 1 in [1, 2), 111 in [5, 6), 6 in [9, 10).
        double[] values = [0.5, 0.5, 0.5, 1.5, .. Enumerable.Repeat(5.5, 111), 9.5, 9.5, 9.5, 9.5, 9.5, 9.5];
        var svg = HistogramChart.Draw("Known", "x (units)", values, 0.5, 5.5, 9.5);

        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        var three = bars.Single(b => Attr(b, "data-lo") == 0);
        var six = bars.Single(b => Attr(b, "data-lo") == 9);

        Assert.Equal(1, Attr(three, "data-hi") - Attr(three, "data-lo"));
        Assert.Equal(3, Attr(three, "data-count"));
        Assert.Equal(6, Attr(six, "data-count"));
        Assert.Equal(121, bars.Sum(b => Attr(b, "data-count")));
        // The plot is 420 − 56 − 64 = 300 px tall for a 0..125 count axis: 2.4 px a run.
        Assert.Equal(3 * 2.4, Attr(three, "height"), 1);
        Assert.Equal(6 * 2.4, Attr(six, "height"), 1);
        Assert.Equal(Attr(three, "y") + Attr(three, "height"), Attr(six, "y") + Attr(six, "height"), 1);
    }

    [Fact]
    public void A_tornado_puts_the_largest_swing_on_top()
    {
        var svg = TornadoChart.Draw("Tornado", "Change", [new("small", -1, 1), new("large", -10, 10)]);

        var labels = svg.Descendants(Svg + "text").Where(t => t.Value is "small" or "large").OrderBy(t => Attr(t, "y")).Select(t => t.Value);
        Assert.Equal(["large", "small"], labels);
    }
}
