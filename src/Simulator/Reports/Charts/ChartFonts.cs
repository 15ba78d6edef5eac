using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// The charts' font: DejaVu Sans (regular and bold), bundled in the assembly with its licence so that
/// charts have text on a machine with no fonts installed. Registered with ScottPlot on first use, ahead
/// of the system fonts, so the output is the same whatever fonts the machine has.
/// </summary>
public static class ChartFonts
{
    /// <summary>The family every chart's text is set in; the SVG names it in <c>font-family</c>.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>
    /// Set to <c>system</c> to leave the bundled font out and use only the machine's fonts: a diagnostic
    /// that shows what the bundled font is for (on a machine with no fonts, charts then lose all their text).
    /// </summary>
    public const string EnvironmentVariable = "MARKETSIM_CHART_FONTS";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the bundled font with ScottPlot and makes it the default, once per process.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }
            if (!string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "system", StringComparison.OrdinalIgnoreCase))
            {
                Fonts.FontResolvers.Insert(0, new BundledFontResolver());
            }
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _registered = true;
        }
    }
}
