using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// What every chart shares: the font and its sizes, colours, axis titles with units, and tick labels people
/// read, written as the tables write them (£1.20m on money axes, 25% on shares, 12.0k on counts).
/// </summary>
public static class ChartStyle
{
    /// <summary>Title size in pixels at scale 1.</summary>
    public const float TitleSize = 18;

    /// <summary>
    /// Characters of a title on one line: at <see cref="TitleSize"/> about 110 fit across a 1,000-pixel chart, so a longer
    /// title (a long commissioner's name before "overspend over the 5-year horizon: …") wraps at a space rather than run off
    /// both edges.
    /// </summary>
    public const int TitleWidth = 95;

    /// <summary>Axis-title size in pixels at scale 1.</summary>
    public const float AxisTitleSize = 14;

    /// <summary>
    /// Characters of an x-axis title on one line: at <see cref="AxisTitleSize"/> about 120 fit across a 1,000-pixel chart, fewer
    /// to the right of a bar chart's long labels, so a longer title (a long commissioner's name before "overspend over the 5-year
    /// horizon (£)") wraps at a space rather than run off the chart's right edge.
    /// </summary>
    public const int XTitleWidth = 95;

    /// <summary>
    /// Characters of a y-axis title on one line: at <see cref="AxisTitleSize"/> about 70 fit up the 600 pixels of a chart's
    /// height, so a longer title (a long commissioner's name before "overspend over the 5-year horizon, mean (£)") wraps at a
    /// space rather than run off the top and bottom.
    /// </summary>
    public const int YTitleWidth = 64;

    /// <summary>Tick-label, legend and annotation size in pixels at scale 1.</summary>
    public const float TickSize = 12;

    /// <summary>A plot with the chart font, its title and axis titles, light grid lines and the palette's greys.</summary>
    public static Plot New(string title, string xTitle, string yTitle)
    {
        ChartFonts.Ensure();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(Wrap(title, TitleWidth), TitleSize);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.FullFigureCenter = true;
        plot.XLabel(Wrap(xTitle, XTitleWidth), AxisTitleSize);
        plot.YLabel(Wrap(yTitle, YTitleWidth), AxisTitleSize);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Color(Palette.Ink);
        plot.Grid.MajorLineColor = Palette.Grid;
        plot.Legend.FontSize = TickSize;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = Palette.Grid;
        return plot;
    }

    /// <summary>An axis title with its unit in brackets: "Unmet need over the horizon (hours)", "Overspend (£)".</summary>
    public static string AxisTitle(string label, string unit) => $"{label} ({UnitText(unit)})";

    /// <summary>A schema unit as people write it: GBP as £, "GBP per hour" as "£ an hour".</summary>
    public static string UnitText(string unit) => unit switch
    {
        "GBP" => "£",
        "GBP per hour" => "£ an hour",
        _ => unit,
    };

    /// <summary>
    /// A value in <paramref name="unit"/> on a chart's label, as the tables write it (<see cref="Quantity.Format"/>, shares as
    /// <see cref="Quantity.Share"/>), so that one figure reads the same in a chart and a table: £1.00m, £1,234, 12.3k, 53%;
    /// with <paramref name="scaled"/>, with k from 1,000 as beside figures of its unit from 10,000 (<see cref="Footing"/>).
    /// </summary>
    public static string Format(double value, string unit, bool scaled = false) =>
        unit == "share" ? Quantity.Share(value) : Quantity.Format(value, unit, scaled: scaled);

    /// <summary>
    /// Tick labels of <paramref name="axis"/> written as <see cref="Format"/> writes values in <paramref name="unit"/>, with one
    /// number of decimals and one suffix on the whole axis (0%, 2%, 4%; 0, 20k, 40k; £0.5m, £1.0m, £1.5m), as <see cref="AxisTicks"/>
    /// decides them; counts of runs are ticked at whole numbers only.
    /// </summary>
    public static void Ticks(IAxis axis, string unit) => axis.TickGenerator = new AxisTicks(unit);

    /// <summary>
    /// A tick's label on an axis reaching <paramref name="axisMax"/> (its largest magnitude), with <paramref name="decimals"/> after
    /// the point (from <see cref="TickDecimals"/>): a share as a percentage (2.5%), money with £ (£2.50); on an axis that reaches
    /// 10,000, in thousands, millions or billions as the largest tick is (20k, £1.5m); 0 is written 0 (£0) there.
    /// </summary>
    internal static string Tick(double value, string unit, double axisMax, int decimals)
    {
        var (divisor, suffix) = TickScale(unit, axisMax);
        var money = unit is "GBP" or "GBP per hour";
        if (value == 0 && suffix.Length > 0 && unit != "share")
        {
            return money ? "£0" : "0";
        }
        var number = (Math.Abs(value) / divisor).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
        var sign = value < 0 && number.Any(c => c is >= '1' and <= '9') ? "−" : "";
        return sign + (money ? "£" : "") + number + suffix;
    }

    /// <summary>
    /// The decimals that write every one of <paramref name="ticks"/> exactly as <see cref="Tick"/> shows them on an axis reaching
    /// <paramref name="axisMax"/>: the fewest; for money in full, none or pence, and at least pence for a rate in £ an hour; at most six.
    /// </summary>
    internal static int TickDecimals(IReadOnlyList<double> ticks, string unit, double axisMax)
    {
        var (divisor, suffix) = TickScale(unit, axisMax);
        var decimals = ticks.Select(t => t / divisor).Select(Exact).DefaultIfEmpty(0).Max();
        return (unit, suffix) switch
        {
            ("GBP", "") => decimals == 0 ? 0 : Math.Max(decimals, 2),
            ("GBP per hour", "") => Math.Max(decimals, 2),
            _ => decimals,
        };

        static int Exact(double x)
        {
            for (var d = 0; d < 6; d++)
            {
                var shifted = Math.Abs(x) * Math.Pow(10, d);
                if (Math.Abs(shifted - Math.Round(shifted)) <= 1e-6 * Math.Max(1, shifted))
                {
                    return d;
                }
            }
            return 6;
        }
    }

    // What an axis's ticks are divided by and the suffix after them: percent for shares; k, m, bn or tn, as its largest
    // magnitude is, on an axis that reaches 10,000 (where the tables write figures with k from 1,000); otherwise none.
    private static (double Divisor, string Suffix) TickScale(string unit, double axisMax) =>
        unit == "share" ? (0.01, "%")
        : !Scaled(0, axisMax) ? (1, "")
        : axisMax >= 1e12 ? (1e12, "tn")
        : axisMax >= 1e9 ? (1e9, "bn")
        : axisMax >= 1e6 ? (1e6, "m")
        : (1e3, "k");

    /// <summary>Whether an axis from <paramref name="min"/> to <paramref name="max"/> writes its ticks with k from 1,000: when it reaches 10,000.</summary>
    internal static bool Scaled(double min, double max) => Math.Max(Math.Abs(min), Math.Abs(max)) >= 10_000;

    /// <summary>Category ticks: <paramref name="labels"/> at positions 0, 1, 2… of <paramref name="axis"/>, and no others.</summary>
    public static void Categories(IAxis axis, IReadOnlyList<string> labels) =>
        axis.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);

    /// <summary>The width in pixels of <paramref name="text"/> in the chart font at <paramref name="size"/>.</summary>
    public static double TextWidth(string text, float size, bool bold = false)
    {
        ChartFonts.Ensure();
        using var font = new SKFont(Fonts.GetTypeface(ChartFonts.Family, bold, false), size);
        return font.MeasureText(text);
    }

    /// <summary><paramref name="text"/> broken into lines of at most about <paramref name="width"/> characters, at spaces.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }
}
