using System.Xml.Linq;
using MarketSim.Grains.Randomness;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Tests.Support;
using SkiaSharp;

namespace MarketSim.Tests.Reports;

public class ChartTests
{
    private static readonly string[] LegendBelow = ["fan", "convergence", "tornado", "spider", "sobol", "drivers", "provider_risk", "zone_unmet_need"];

    [Fact]
    public void Every_chart_kind_is_a_PNG_of_its_size_that_Skia_decodes()
    {
        foreach (var sample in ChartSamples.Every)
        {
            Assert.Equal(ChartImages.PngSignature, sample.Png.Take(8));
            using var bitmap = SKBitmap.Decode(sample.Png);
            Assert.NotNull(bitmap);
            Assert.Equal((sample.Width, sample.Height), (bitmap.Width, bitmap.Height));
        }
        Assert.Equal(11, ChartSamples.Every.Count);
    }

    [Fact]
    public void A_charts_PNG_has_the_pixels_of_ScottPlots_own_PNG()
    {
        foreach (var (chart, _, _, _) in ChartSamples.Draw())
        {
            using (chart)
            {
                using var ours = SKBitmap.Decode(chart.Png());
                using var scottPlots = SKBitmap.Decode(chart.Plot.GetImageBytes(chart.Width, chart.Height, ScottPlot.ImageFormat.Png));
                Assert.Equal((scottPlots.Width, scottPlots.Height, scottPlots.ColorType), (ours.Width, ours.Height, ours.ColorType));
                Assert.True(scottPlots.GetPixelSpan().SequenceEqual(ours.GetPixelSpan()), $"{chart.Name}: the pixels differ");
            }
        }
    }

    [Fact]
    public void Charts_written_on_every_core_are_the_same_files_as_charts_written_one_at_a_time_in_reverse()
    {
        var together = Path.Combine(Repo.TempDir(), "together");
        var oneByOne = Path.Combine(Repo.TempDir(), "one-by-one");

        var written = ChartFiles.Write(together, ChartSamples.Draw().Select(c => c.Chart), 1);
        foreach (var (chart, _, _, _) in ChartSamples.Draw().Reverse())
        {
            ChartFiles.Write(oneByOne, [chart], 1);
        }

        Assert.Equal(ChartSamples.Every.Select(s => s.Kind + ".svg"), written.Select(w => w.File));
        var files = Directory.GetFiles(together).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2 * ChartSamples.Every.Count, files.Count);
        Assert.Equal(files, Directory.GetFiles(oneByOne).Select(Path.GetFileName).Order());
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(together, f!)).SequenceEqual(File.ReadAllBytes(Path.Combine(oneByOne, f!))), $"{f} differs"));
    }

    [Fact]
    public void A_charts_SVG_file_is_UTF_8_without_a_byte_order_mark_and_starts_with_its_XML_declaration()
    {
        var folder = Path.Combine(Repo.TempDir(), "svg-encoding");

        ChartFiles.Write(folder, ChartSamples.Draw().Select(c => c.Chart), 1);

        Assert.All(Directory.GetFiles(folder, "*.svg"), f =>
        {
            var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f));
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
            Assert.Equal("svg", XDocument.Parse(text).Root!.Name.LocalName);
        });
    }

    [Fact]
    public void A_long_title_wraps_within_the_chart_and_reads_on_one_line_as_the_SVGs_title()
    {
        var values = Enumerable.Range(0, 200).Select(i => 1_000.0 * i).ToList();
        var title = "North East Lincolnshire Clinical Commissioning Group (Continuing Healthcare)'s overspend over the 5-year horizon: chance of exceeding each value";

        var sample = ChartSamples.Render((ExceedanceChart.Draw("long", "", title, "Overspend (£)", "GBP", values), "", "", []));

        Assert.Equal(title, sample.Title);
        var lines = sample.Svg.Descendants(ChartImages.Svg + "text").Where(t => title.Contains(ChartImages.Text(t), StringComparison.Ordinal) && ChartImages.Text(t).Length > 20).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines.Select(ChartImages.Box), b => Assert.True(b!.Value.Left >= 0 && b.Value.Right <= sample.Width, $"{b} runs off the {sample.Width}-pixel chart"));
    }

    [Fact]
    public void A_long_axis_title_wraps_within_the_chart_and_a_short_one_stays_on_one_line()
    {
        var values = Enumerable.Range(0, 200).Select(i => 1_000.0 * i).ToList();
        const string Name = "North East Lincolnshire Clinical Commissioning Group (Continuing Healthcare)";
        var xTitle = $"{Name}: overspend over the 5-year horizon, the chance of exceeding each value (£)";
        var yTitle = $"{Name}: overspend over the 5-year horizon, mean (£)";

        var exceedance = ChartSamples.Render((ExceedanceChart.Draw("long_x", "", "Overspend: exceedance", xTitle, "GBP", values), "", "", []));
        var convergence = ChartSamples.Render((ConvergenceChart.Draw("long_y", "", "Overspend: running mean", yTitle, "GBP", [new(10, 5_000, 800), new(1000, 4_900, 90)]), "", "", []));

        foreach (var (sample, title) in new[] { (exceedance, xTitle), (convergence, yTitle) })
        {
            var lines = sample.Svg.Descendants(ChartImages.Svg + "text").Where(t => title.Contains(ChartImages.Text(t), StringComparison.Ordinal) && ChartImages.Text(t).Length > 20).ToList();
            Assert.Equal(2, lines.Count);
            Assert.Equal(title.Length, lines.Sum(l => ChartImages.Text(l).Length + 1) - 1);
            Assert.All(lines.Select(ChartImages.Box), b => Assert.True(b!.Value.Left >= 0 && b.Value.Right <= sample.Width && b.Value.Top >= 0 && b.Value.Bottom <= sample.Height,
                $"{b} runs off the {sample.Width} × {sample.Height}-pixel chart"));
        }
        Assert.Contains("Chance the outcome is above x", ChartImages.Texts(exceedance.Svg));
        Assert.Contains("Runs (simulated futures) so far", ChartImages.Texts(convergence.Svg));
    }

    [Fact]
    public void Every_chart_kind_is_SVG_with_its_title_axis_titles_and_tick_labels_as_text()
    {
        foreach (var sample in ChartSamples.Every)
        {
            var parsed = XDocument.Parse(sample.Svg.ToString()).Root!;
            Assert.Equal(ChartImages.Svg + "svg", parsed.Name);
            Assert.Equal(sample.Title, parsed.Element(ChartImages.Svg + "title")?.Value);
            var texts = ChartImages.Texts(parsed);
            Assert.Contains(sample.Title, texts);
            Assert.Contains(sample.XTitle, texts);
            if (sample.YTitle.Length > 0)
            {
                Assert.Contains(sample.YTitle, texts);
            }
            foreach (var tick in sample.Ticks)
            {
                Assert.True(texts.Any(t => t.StartsWith(tick, StringComparison.Ordinal)), $"{sample.Kind}: no text starting '{tick}' in [{string.Join(" | ", texts)}]");
            }
            Assert.All(parsed.Descendants(ChartImages.Svg + "text"), t => Assert.Equal(ChartFonts.Family, (string?)t.Attribute("font-family")));
        }
    }

    [Fact]
    public void Every_chart_kind_has_ink_in_its_title_and_axis_title_areas_of_the_PNG()
    {
        foreach (var sample in ChartSamples.Every)
        {
            var (title, xTitle, yTitle) = ChartImages.LabelInk(sample.Png, LegendBelow.Contains(sample.Kind));
            Assert.True(title > 50, $"{sample.Kind}: {title} dark pixels in the title band");
            Assert.True(xTitle > 50, $"{sample.Kind}: {xTitle} dark pixels in the x-axis-title band");
            if (sample.YTitle.Length > 0)
            {
                Assert.True(yTitle > 50, $"{sample.Kind}: {yTitle} dark pixels in the y-axis-title band");
            }
        }
    }

    [Fact]
    public void At_chart_scale_2_the_PNG_is_twice_as_wide_and_tall_with_its_text_scaled()
    {
        var values = Enumerable.Range(0, 200).Select(i => (double)i).ToList();
        using var chart = ExceedanceChart.Draw("x", "", "Scaled", "Value (hours)", "hours", values);

        using var one = SKBitmap.Decode(chart.Png(1));
        using var two = SKBitmap.Decode(chart.Png(2));

        Assert.Equal((2000, 1200), (two.Width, two.Height));
        var inkOne = ChartImages.InkPixels(one, 0.1, 0, 0.9, 0.07);
        var inkTwo = ChartImages.InkPixels(two, 0.1, 0, 0.9, 0.07);
        Assert.InRange(inkTwo / (double)inkOne, 3, 5);
    }

    [Fact]
    public void An_axis_that_reaches_ten_thousand_writes_its_ticks_from_a_thousand_with_k_as_a_table_does()
    {
        Assert.True(ChartStyle.Scaled(0, 12_500));
        Assert.False(ChartStyle.Scaled(0, 8_000));
        Assert.Equal(["£0", "£2.5k", "£5.0k", "£10.0k"], new[] { 0, 2_500, 5_000, 10_000 }.Select(x => ChartStyle.Tick(x, "GBP", axisMax: 12_500, decimals: 1)));
        Assert.Equal(["£0", "£2,500", "£5,000"], new[] { 0, 2_500, 5_000 }.Select(x => ChartStyle.Tick(x, "GBP", axisMax: 8_000, decimals: 0)));
    }

    [Theory]
    [InlineData("share", new[] { 0.0, 0.02, 0.04, 0.1, 0.12 }, "0%|2%|4%|10%|12%")]
    [InlineData("share", new[] { 0.0, 0.005, 0.01, 0.015 }, "0.0%|0.5%|1.0%|1.5%")]
    [InlineData("people", new[] { 0.0, 0.5, 1, 1.5 }, "0.0|0.5|1.0|1.5")]
    [InlineData("hours", new[] { -20.0, 0, 20, 120 }, "−20|0|20|120")]
    [InlineData("GBP", new[] { 0.0, 2.5, 5, 7.5, 10, 12.5 }, "£0.00|£2.50|£5.00|£7.50|£10.00|£12.50")]
    [InlineData("GBP", new[] { 0.0, 2, 4, 10, 12 }, "£0|£2|£4|£10|£12")]
    [InlineData("GBP per hour", new[] { 14.0, 16, 18 }, "£14.00|£16.00|£18.00")]
    [InlineData("hours", new[] { 0.0, 20_000, 40_000, 100_000, 120_000 }, "0|20k|40k|100k|120k")]
    [InlineData("GBP", new[] { 0.0, 2_500, 5_000, 7_500, 10_000, 12_500 }, "£0|£2.5k|£5.0k|£7.5k|£10.0k|£12.5k")]
    [InlineData("GBP", new[] { -500_000.0, 0, 500_000, 1_000_000, 1_500_000 }, "−£0.5m|£0|£0.5m|£1.0m|£1.5m")]
    public void The_ticks_of_one_axis_are_written_with_one_number_of_decimals(string unit, double[] ticks, string expected)
    {
        var axisMax = ticks.Max(Math.Abs);
        var decimals = ChartStyle.TickDecimals(ticks, unit, axisMax);

        Assert.Equal(expected, string.Join('|', ticks.Select(t => ChartStyle.Tick(t, unit, axisMax, decimals))));
    }

    [Fact]
    public void A_share_axis_in_a_chart_writes_its_ticks_with_one_number_of_decimals()
    {
        var sample = ChartSamples.Render((ProviderRiskChart.Draw([ChartSamples.Provider("a", "Acorn Care", 400, 40, 9, 0), ChartSamples.Provider("b", "Beech Homecare", 400, 8, 0, 0)])!, "", "", []));

        var ticks = sample.Svg.Descendants(ChartImages.Svg + "text").Select(ChartImages.Text).Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^[0-9.]+%$")).ToList();

        Assert.True(ticks.Count >= 4, string.Join(" ", ticks));
        Assert.Single(ticks.Select(t => t.Contains('.', StringComparison.Ordinal) ? t.Length - t.IndexOf('.', StringComparison.Ordinal) : 0).Distinct());
    }

    [Fact]
    public void A_histograms_percentile_labels_read_as_the_headline_table_writes_them()
    {
        var random = new StreamRandom(7);
        var values = Enumerable.Range(0, 400).Select(_ => random.NextDouble() * 2_000_000).Order().ToList();
        var sample = ChartSamples.Render((HistogramChart.Draw("p", "", "Percentiles", "Overspend (£)", "GBP", values, 1_234, 999_999, 1_500_000), "", "", []));

        var labels = sample.Svg.Descendants(ChartImages.Svg + "text").Select(ChartImages.Text).Where(t => t.StartsWith("P5", StringComparison.Ordinal) || t.StartsWith("P95", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(["P50 (median): £1.00m", "P5: £1.23k", "P95: £1.50m"], labels);
    }

    [Fact]
    public void A_histogram_of_a_count_labels_its_percentiles_as_whole_numbers()
    {
        var random = new StreamRandom(11);
        var values = Enumerable.Range(0, 400).Select(_ => Math.Floor(450 + (random.NextDouble() * 100))).Order().ToList();
        var sample = ChartSamples.Render((HistogramChart.Draw("c", "", "Providers", "Providers left (providers)", "providers", values, 489.0, 500.5, 540, whole: true), "", "", []));

        var labels = sample.Svg.Descendants(ChartImages.Svg + "text").Select(ChartImages.Text).Where(t => t.StartsWith("P5", StringComparison.Ordinal) || t.StartsWith("P95", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(["P50 (median): 501", "P5: 489", "P95: 540"], labels);
    }

    [Fact]
    public void Close_percentile_labels_of_a_histogram_are_stacked_so_they_do_not_overlap()
    {
        var random = new StreamRandom(5);
        var values = Enumerable.Range(0, 400).Select(_ => 1_000_000 + (random.NextDouble() * 1000)).Append(0).Append(5_000_000).Order().ToList();
        var sample = ChartSamples.Render((HistogramChart.Draw("close", "", "Close percentiles", "Overspend (£)", "GBP", values, values[20], values[200], values[380]), "", "", []));

        var labels = sample.Svg.Descendants(ChartImages.Svg + "text").Where(t => ChartImages.Text(t).StartsWith('P')).ToList();
        var boxes = labels.Select(ChartImages.Box).Select(b => b!.Value).ToList();

        Assert.Equal(3, labels.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(ChartImages.Overlap(boxes[i], boxes[j]), $"'{labels[i].Value}' overlaps '{labels[j].Value}'");
            }
        }
        Assert.Equal(3, boxes.Select(b => Math.Round(b.Top)).Distinct().Count());
    }

    [Fact]
    public void A_zone_chart_of_more_than_30_zones_draws_the_30_with_the_most_unmet_need_and_says_how_many_it_leaves_out()
    {
        var zones = Enumerable.Range(0, 150).Select(z => ChartSamples.Zone($"z{z:000}", $"Zone {z:000}", 400, 1000 + (10 * z), 20)).ToList();

        var sample = ChartSamples.Render((ZoneUnmetChart.Draw(zones, "5-year horizon")!, "", "", []));

        Assert.Equal("Unmet need over the 5-year horizon in the 30 zones with the most (120 more left out; zones.csv has every zone)", sample.Title);
        var names = sample.Svg.Descendants(ChartImages.Svg + "text").Select(ChartImages.Text).Where(t => t.StartsWith("Zone ", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, names.Count);
        Assert.Contains("Zone 149", names);
        Assert.Contains("Zone 120", names);
        Assert.DoesNotContain("Zone 119", names);
        Assert.True(sample.Height <= 1_500, $"{sample.Height} px tall");
    }

    [Fact]
    public void Label_rows_put_a_label_in_the_first_row_it_clears()
    {
        var rows = LabelRows.Assign([(100, 60), (120, 60), (140, 60), (300, 60)], gap: 4);

        Assert.Equal([0, 1, 2, 0], rows);
    }

    [Fact]
    public void A_tornado_puts_the_largest_swing_on_top()
    {
        var sample = ChartSamples.Render((TornadoChart.Draw("t", "", "Tornado", "Change (hours)", "hours", [new("small", -1, 1), new("large", -10, 10)]), "", "", []));

        var labels = sample.Svg.Descendants(ChartImages.Svg + "text").Where(t => ChartImages.Text(t) is "small" or "large")
            .OrderBy(t => ChartImages.Box(t)!.Value.Top).Select(ChartImages.Text);
        Assert.Equal(["large", "small"], labels);
        Assert.Equal(["large", "small"], TornadoChart.Order([new("small", -1, 1), new("large", -10, 10)]).Select(b => b.Label));
    }

    [Fact]
    public void A_chart_writes_money_counts_and_shares_as_the_tables_do()
    {
        Assert.Equal(["£1.00m", "£1,234", "12.3k"], [ChartStyle.Format(999_999, "GBP"), ChartStyle.Format(1_234, "GBP"), ChartStyle.Format(12_345, "people")]);
        Assert.Equal([Quantity.Format(999_999, "GBP"), Quantity.Format(1_234, "GBP"), Quantity.Format(12_345, "people")],
            [ChartStyle.Format(999_999, "GBP"), ChartStyle.Format(1_234, "GBP"), ChartStyle.Format(12_345, "people")]);
        Assert.Equal(["£0", "£950", "£12.5k", "£1.25m", "−£3.00m", "£2.50bn"], new[] { 0, 950, 12_500, 1_250_000, -3_000_000, 2.5e9 }.Select(x => ChartStyle.Format(x, "GBP")));
        Assert.Equal(["0%", "2.5%", "40%", "99.8%", "−1.5%"], new[] { 0, 0.025, 0.4, 0.998, -0.015 }.Select(x => ChartStyle.Format(x, "share")));
        Assert.Equal("Unmet need (hours)", ChartStyle.AxisTitle("Unmet need", "hours"));
        Assert.Equal("Rate gap (£ an hour)", ChartStyle.AxisTitle("Rate gap", "GBP per hour"));
    }

    [Theory]
    [InlineData(2016, 11, 1)]
    [InlineData(2015, 4, 1)]
    [InlineData(2016, 9, 1)]
    [InlineData(2017, 4, 1)]
    public void A_fan_charts_months_follow_the_calendar_one_by_one_from_the_start(int year, int month, int day)
    {
        var start = new DateOnly(year, month, day);

        // Five years of model months (the bundled scenarios' longest horizon): a twelfth of a 52-week year each, so some
        // end in the next calendar month (from 1 November 2016 the second ends on 2 January 2017), yet each is named after
        // the calendar month it mostly covers.
        var names = Enumerable.Range(0, 60).Select(m => ReportCharts.MonthName(start, m)).ToList();

        Assert.Equal(Enumerable.Range(0, 60).Select(m => start.AddMonths(m).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)), names);
        Assert.Equal("Dec 2016", ReportCharts.MonthName(new DateOnly(2016, 11, 1), 1));
    }
}
