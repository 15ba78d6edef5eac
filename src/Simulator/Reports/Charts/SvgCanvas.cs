using System.Globalization;
using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// One chart's SVG: a titled frame, a plot area with gridlines, axes with nice ticks and titles,
/// and a legend. Charts draw marks in data coordinates through <see cref="X"/> and <see cref="Y"/>.
/// Built with LINQ to XML, so the output is always well-formed.
/// </summary>
public sealed class SvgCanvas
{
    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private const double Left = 84, Right = 24, Top = 56;
    private readonly double _bottom;
    private readonly double _footer;
    private readonly XElement _plot = new(Ns + "g", new XAttribute("class", "marks"));
    private readonly XElement _root;
    private readonly List<(string Label, string Colour, bool Band)> _legend = [];

    /// <summary>Starts a chart of the given size with its title; <paramref name="footerHeight"/> pixels under the x-axis title are left for a legend.</summary>
    public SvgCanvas(string title, double width = 720, double height = 420, double bottomMargin = 64, double footerHeight = 0)
    {
        _bottom = bottomMargin + footerHeight;
        _footer = footerHeight;
        Width = width;
        Height = height;
        _root = new XElement(Ns + "svg",
            new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("font-family", "Segoe UI, Helvetica, Arial, sans-serif"),
            new XElement(Ns + "title", title),
            new XElement(Ns + "rect", new XAttribute("width", width), new XAttribute("height", height), new XAttribute("fill", "white")),
            Text(width / 2, 28, title, 16, "middle", weight: "600"));
    }

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>The x scale (set by <see cref="Axes"/>).</summary>
    public NiceScale? XScale { get; private set; }

    /// <summary>The y scale (set by <see cref="Axes"/>).</summary>
    public NiceScale? YScale { get; private set; }

    /// <summary>Left edge of the plot area.</summary>
    public double PlotLeft => Left;

    /// <summary>Right edge of the plot area.</summary>
    public double PlotRight => Width - Right;

    /// <summary>Top edge of the plot area.</summary>
    public double PlotTop => Top;

    /// <summary>Bottom edge of the plot area.</summary>
    public double PlotBottom => Height - _bottom;

    /// <summary>Top of the footer under the x-axis title (the chart's bottom when there is none).</summary>
    public double FooterTop => Height - _footer;

    /// <summary>Pixel x of data value <paramref name="v"/>.</summary>
    public double X(double v) => PlotLeft + (XScale!.Fraction(v) * (PlotRight - PlotLeft));

    /// <summary>Pixel y of data value <paramref name="v"/>.</summary>
    public double Y(double v) => PlotBottom - (YScale!.Fraction(v) * (PlotBottom - PlotTop));

    /// <summary>Draws gridlines, both axes with their ticks and titles; <paramref name="xLabels"/> replaces numeric x tick labels.</summary>
    public void Axes(NiceScale x, NiceScale y, string xTitle, string yTitle, Func<double, string>? xLabels = null, bool xGrid = false)
    {
        XScale = x;
        YScale = y;
        var axes = new XElement(Ns + "g", new XAttribute("class", "axes"), new XAttribute("font-size", 12), new XAttribute("fill", Palette.Ink));
        foreach (var t in y.Ticks)
        {
            axes.Add(Line(PlotLeft, Y(t), PlotRight, Y(t), Palette.Grid, 1));
            axes.Add(Line(PlotLeft - 5, Y(t), PlotLeft, Y(t), Palette.Axis, 1));
            axes.Add(Text(PlotLeft - 8, Y(t) + 4, y.Label(t), 12, "end", "y-tick"));
        }
        foreach (var t in x.Ticks)
        {
            if (xGrid)
            {
                axes.Add(Line(X(t), PlotTop, X(t), PlotBottom, Palette.Grid, 1));
            }
            axes.Add(Line(X(t), PlotBottom, X(t), PlotBottom + 5, Palette.Axis, 1));
            axes.Add(Text(X(t), PlotBottom + 20, xLabels?.Invoke(t) ?? x.Label(t), 12, "middle", "x-tick"));
        }
        axes.Add(Line(PlotLeft, PlotBottom, PlotRight, PlotBottom, Palette.Axis, 1.2));
        axes.Add(Line(PlotLeft, PlotTop, PlotLeft, PlotBottom, Palette.Axis, 1.2));
        axes.Add(Text((PlotLeft + PlotRight) / 2, FooterTop - 16, xTitle, 13, "middle", "x-title"));
        var yTitleElement = Text(0, 0, yTitle, 13, "middle", "y-title");
        yTitleElement.Add(new XAttribute("transform", $"translate(20,{F((PlotTop + PlotBottom) / 2)}) rotate(-90)"));
        axes.Add(yTitleElement);
        _root.Add(axes);
    }

    /// <summary>Adds a mark to the plot area.</summary>
    public void Add(XElement mark) => _plot.Add(mark);

    /// <summary>Adds a legend entry (a line or, for a band, a filled square).</summary>
    public void Legend(string label, string colour, bool band = false) => _legend.Add((label, colour, band));

    /// <summary>The finished SVG element.</summary>
    public XElement ToSvg()
    {
        var svg = new XElement(_root);
        svg.Add(new XElement(_plot));
        if (_legend.Count > 0)
        {
            var legend = new XElement(Ns + "g", new XAttribute("class", "legend"), new XAttribute("font-size", 12));
            var x = PlotLeft + 8;
            foreach (var (label, colour, band) in _legend)
            {
                legend.Add(band
                    ? Rect(x, PlotTop - 20, 14, 10, colour, 0.6)
                    : Line(x, PlotTop - 15, x + 14, PlotTop - 15, colour, 2.5));
                legend.Add(Text(x + 20, PlotTop - 11, label, 12, "start"));
                x += 34 + (label.Length * 6.5);
            }
            svg.Add(legend);
        }
        return svg;
    }

    /// <summary>A line.</summary>
    public static XElement Line(double x1, double y1, double x2, double y2, string colour, double width, string? dash = null)
    {
        var e = new XElement(Ns + "line",
            new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
            new XAttribute("stroke", colour), new XAttribute("stroke-width", F(width)));
        if (dash is not null)
        {
            e.Add(new XAttribute("stroke-dasharray", dash));
        }
        return e;
    }

    /// <summary>A filled rectangle.</summary>
    public static XElement Rect(double x, double y, double width, double height, string colour, double opacity = 1) =>
        new(Ns + "rect",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("width", F(Math.Max(0, width))), new XAttribute("height", F(Math.Max(0, height))),
            new XAttribute("fill", colour), new XAttribute("fill-opacity", F(opacity)));

    /// <summary>A polyline through <paramref name="points"/>, or a filled polygon.</summary>
    public static XElement Path(IEnumerable<(double X, double Y)> points, string colour, double width, bool fill = false, double opacity = 1)
    {
        var d = string.Join(" ", points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{F(p.X)},{F(p.Y)}")) + (fill ? " Z" : "");
        return new XElement(Ns + "path", new XAttribute("d", d),
            new XAttribute("fill", fill ? colour : "none"), new XAttribute("fill-opacity", F(opacity)),
            new XAttribute("stroke", fill ? "none" : colour), new XAttribute("stroke-width", F(width)));
    }

    /// <summary>Text.</summary>
    public static XElement Text(double x, double y, string text, double size, string anchor, string? cssClass = null, string weight = "normal")
    {
        var e = new XElement(Ns + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("font-size", F(size)), new XAttribute("text-anchor", anchor), new XAttribute("font-weight", weight),
            new XAttribute("fill", Palette.Ink), text);
        if (cssClass is not null)
        {
            e.Add(new XAttribute("class", cssClass));
        }
        return e;
    }

    /// <summary>A coordinate with two decimals, invariant.</summary>
    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
