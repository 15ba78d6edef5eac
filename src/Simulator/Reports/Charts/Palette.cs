namespace MarketSim.Simulator.Reports.Charts;

/// <summary>The Okabe-Ito colour-blind-safe palette, and the greys of axes and text.</summary>
public static class Palette
{
    /// <summary>Series colours, in order of use.</summary>
    public static readonly string[] Series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>Text.</summary>
    public const string Ink = "#222222";

    /// <summary>Axes and ticks.</summary>
    public const string Axis = "#555555";

    /// <summary>Grid lines.</summary>
    public const string Grid = "#e4e4e4";

    /// <summary>The colour of series <paramref name="i"/>.</summary>
    public static string Colour(int i) => Series[i % Series.Length];
}
