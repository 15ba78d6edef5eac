using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// What every chart shares: the font and its sizes, colours, axis titles with units, and tick labels people
/// read (£1.2m on money axes, 25% on shares, 12k on counts).
/// </summary>
public static class ChartStyle
{
    /// <summary>Title size in pixels at scale 1.</summary>
    public const float TitleSize = 18;

    /// <summary>Axis-title size in pixels at scale 1.</summary>
    public const float AxisTitleSize = 14;

    /// <summary>Tick-label, legend and annotation size in pixels at scale 1.</summary>
    public const float TickSize = 12;

    /// <summary>A plot with the chart font, its title and axis titles, light grid lines and the palette's greys.</summary>
    public static Plot New(string title, string xTitle, string yTitle)
    {
        ChartFonts.Ensure();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.FullFigureCenter = true;
        plot.XLabel(xTitle, AxisTitleSize);
        plot.YLabel(yTitle, AxisTitleSize);
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

    /// <summary>How a value in <paramref name="unit"/> is written on an axis or a label.</summary>
    public static string Format(double value, string unit) => unit switch
    {
        "GBP" => Money(value),
        "GBP per hour" => (value < 0 ? "−£" : "£") + Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture),
        "share" => Percent(value),
        _ => Count(value),
    };

    /// <summary>Money with £ and k or m: £950, £12k, £1.25m, −£3m.</summary>
    public static string Money(double value)
    {
        var magnitude = Math.Abs(value);
        var sign = value < 0 ? "−" : "";
        var text = magnitude >= 1e9 ? Short(magnitude / 1e9) + "bn"
            : magnitude >= 1e6 ? Short(magnitude / 1e6) + "m"
            : magnitude >= 1e3 ? Short(magnitude / 1e3) + "k"
            : magnitude.ToString("0.##", CultureInfo.InvariantCulture);
        return $"{sign}£{text}";
    }

    /// <summary>A share 0..1 as a percentage: 0%, 2.5%, 40%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##;−0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count or amount: 950, 12.5k, 1.2m.</summary>
    public static string Count(double value)
    {
        var magnitude = Math.Abs(value);
        var sign = value < 0 ? "−" : "";
        return sign + (magnitude >= 1e6 ? Short(magnitude / 1e6) + "m"
            : magnitude >= 1e4 ? Short(magnitude / 1e3) + "k"
            : magnitude.ToString("#,0.##", CultureInfo.InvariantCulture));
    }

    /// <summary>Tick labels of <paramref name="axis"/> written as <see cref="Format"/> writes values in <paramref name="unit"/>.</summary>
    public static void Ticks(IAxis axis, string unit) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => Format(v, unit) };

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

    private static string Short(double x) => x.ToString(x >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
