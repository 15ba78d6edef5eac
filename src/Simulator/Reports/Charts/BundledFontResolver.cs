using System.Collections.Concurrent;
using ScottPlot;
using SkiaSharp;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Gives ScottPlot the DejaVu Sans faces embedded in this assembly (Reports/Fonts): bold for weights of
/// semi-bold and above, regular otherwise; null for any other family, so ScottPlot's other resolvers are asked.
/// </summary>
internal sealed class BundledFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<bool, byte[]> Faces = new();

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        string.Equals(fontName, ChartFonts.Family, StringComparison.OrdinalIgnoreCase) ? Typeface(weight >= FontWeight.SemiBold) : null;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);

    private static SKTypeface Typeface(bool bold)
    {
        var bytes = Faces.GetOrAdd(bold, b =>
        {
            var name = b ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
            using var stream = typeof(BundledFontResolver).Assembly.GetManifestResourceStream($"MarketSim.Simulator.Reports.Fonts.{name}")
                ?? throw new InvalidOperationException($"The bundled font {name} is missing from the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data);
    }
}
