using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkiaSharp;

namespace MarketSim.Tests.Reports;

/// <summary>What the chart tests read from a PNG and an SVG: dark pixels in a band, text elements and their boxes.</summary>
public static partial class ChartImages
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Pixels darker than light grey (text, not grid lines or the white background) in the rectangle, given as
    /// fractions of the image; rows more than half dark (an axis frame or a rule, not text) are not counted.
    /// </summary>
    public static int InkPixels(SKBitmap bitmap, double left, double top, double right, double bottom)
    {
        var count = 0;
        var (x0, x1) = ((int)(left * bitmap.Width), (int)(right * bitmap.Width));
        for (var y = (int)(top * bitmap.Height); y < (int)(bottom * bitmap.Height); y++)
        {
            var row = 0;
            for (var x = x0; x < x1; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Alpha > 128 && c.Red < 140 && c.Green < 140 && c.Blue < 140)
                {
                    row++;
                }
            }
            count += row > (x1 - x0) / 2 ? 0 : row;
        }
        return count;
    }

    /// <summary>Ink in the title band (top 7%), the x-axis-title band (bottom 6%, above any legend) and the y-axis-title band (left 3%).</summary>
    public static (int Title, int XTitle, int YTitle) LabelInk(byte[] png, bool legendBelow)
    {
        using var bitmap = SKBitmap.Decode(png);
        var bottom = legendBelow ? 0.90 : 1.0;
        var xTitleTop = legendBelow ? 0.80 : 0.94;
        return (InkPixels(bitmap, 0.1, 0, 0.9, 0.07), InkPixels(bitmap, 0.1, xTitleTop, 0.9, bottom), InkPixels(bitmap, 0, 0.2, 0.03, 0.8));
    }

    /// <summary>Every text element's string.</summary>
    public static List<string> Texts(XElement svg) => [.. svg.Descendants(Svg + "text").Select(Text)];

    /// <summary>A text element's string without the whitespace around it (Skia's SVG writer indents it; SVG ignores it).</summary>
    public static string Text(XElement text) => text.Value.Trim();

    /// <summary>
    /// The box of a text element, from its translate, glyph x positions and font size; of a y-axis title, turned a quarter
    /// anticlockwise (Skia's <c>matrix(0 -1 1 0 X Y)</c>), its box on the page. Null for any other rotation.
    /// </summary>
    public static (double Left, double Top, double Right, double Bottom)? Box(XElement text)
    {
        var transform = (string?)text.Attribute("transform") ?? "";
        var xs = Numbers((string?)text.Attribute("x"));
        var y = Numbers((string?)text.Attribute("y")).DefaultIfEmpty(0).First();
        var size = double.Parse((string?)text.Attribute("font-size") ?? "12", CultureInfo.InvariantCulture);
        if (QuarterTurn().Match(transform) is { Success: true } turned)
        {
            var (x0, y0) = (double.Parse(turned.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(turned.Groups[2].Value, CultureInfo.InvariantCulture));
            return (x0 + y - (size * 0.75), y0 - xs[^1] - (size * 0.6), x0 + y + (size * 0.2), y0 - xs[0]);
        }
        if (transform.Contains("rotate", StringComparison.Ordinal) || transform.Contains("matrix", StringComparison.Ordinal))
        {
            return null;
        }
        var translate = Translate().Match(transform);
        var tx = translate.Success ? double.Parse(translate.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var ty = translate.Success ? double.Parse(translate.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return (tx + xs[0], ty + y - (size * 0.75), tx + xs[^1] + (size * 0.6), ty + y + (size * 0.2));
    }

    public static bool Overlap((double Left, double Top, double Right, double Bottom) a, (double Left, double Top, double Right, double Bottom) b) =>
        a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    private static List<double> Numbers(string? list) =>
        [.. (list ?? "0").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"translate\(([-\d.]+)[ ,]+([-\d.]+)\)")]
    private static partial Regex Translate();

    [GeneratedRegex(@"matrix\(0[ ,]+-1[ ,]+1[ ,]+0[ ,]+([-\d.]+)[ ,]+([-\d.]+)\)")]
    private static partial Regex QuarterTurn();
}
