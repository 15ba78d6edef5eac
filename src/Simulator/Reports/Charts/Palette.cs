using ScottPlot;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>The Okabe-Ito colour-blind-safe palette, and the greys of axes, grid and text.</summary>
public static class Palette
{
    /// <summary>Series colours, in order of use.</summary>
    public static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    /// <summary>Text.</summary>
    public static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>Axes, reference lines and ticks.</summary>
    public static readonly Color Axis = Color.FromHex("#555555");

    /// <summary>Grid lines.</summary>
    public static readonly Color Grid = Color.FromHex("#e4e4e4");

    /// <summary>The colour of series <paramref name="i"/>.</summary>
    public static Color Colour(int i) => Series[i % Series.Length];
}
