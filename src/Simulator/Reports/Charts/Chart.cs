using ScottPlot;
using SkiaSharp;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// One drawn chart: its file name without extension (charts/NAME.svg and NAME.png), the caption the report
/// shows under it, and the ScottPlot plot, laid out for <see cref="Width"/> × <see cref="Height"/> pixels.
/// </summary>
public sealed class Chart(string name, string caption, Plot plot, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) : IDisposable
{
    /// <summary>Width of a chart at scale 1, in pixels.</summary>
    public const int DefaultWidth = 1000;

    /// <summary>Height of a chart at scale 1, in pixels.</summary>
    public const int DefaultHeight = 600;

    /// <summary>The file name without extension.</summary>
    public string Name { get; } = name;

    /// <summary>What the chart shows, in a sentence for the report.</summary>
    public string Caption { get; } = caption;

    /// <summary>The plot.</summary>
    public Plot Plot { get; } = plot;

    /// <summary>Width at scale 1, in pixels.</summary>
    public int Width { get; } = width;

    /// <summary>Height at scale 1, in pixels.</summary>
    public int Height { get; } = height;

    /// <summary>The chart's title, on one line (as the SVG's &lt;title&gt;), however it is wrapped on the chart.</summary>
    public string Title => Plot.Axes.Title.Label.Text.Replace('\n', ' ');

    /// <summary>
    /// How the PNGs are compressed: the Up filter on every row and zlib level 3 encode a chart about four
    /// times faster than libpng's default (every filter tried on each row, level 6), for files about a
    /// fifth larger. The pixels are the same: PNG is lossless.
    /// </summary>
    private static readonly SKPngEncoderOptions PngEncoding = new(SKPngEncoderFilterFlags.Up, 3);

    /// <summary>The PNG at <paramref name="scale"/> times the size (2 for print); lines and text scale with it.</summary>
    public byte[] Png(double scale = 1)
    {
        var width = (int)Math.Round(Width * scale);
        var height = (int)Math.Round(Height * scale);
        Plot.ScaleFactor = scale;
        try
        {
            // The surface ScottPlot's own GetImageBytes renders into, encoded with PngEncoding.
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new InvalidOperationException($"Cannot create a {width} × {height} image for chart {Name}.");
            Plot.Render(surface.Canvas, width, height);
            surface.Canvas.Flush();
            using var pixels = surface.PeekPixels();
            using var png = new MemoryStream();
            if (!pixels.Encode(png, PngEncoding))
            {
                throw new InvalidOperationException($"Cannot encode chart {Name} as PNG.");
            }
            return png.ToArray();
        }
        finally
        {
            Plot.ScaleFactor = 1;
        }
    }

    /// <summary>The SVG text, at scale 1; its text stays text (&lt;text&gt; elements in DejaVu Sans).</summary>
    public string Svg() => Plot.GetSvgXml(Width, Height);

    /// <inheritdoc/>
    public void Dispose() => Plot.Dispose();
}
