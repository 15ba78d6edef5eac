using System.CommandLine;
using System.Globalization;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Cli;

/// <summary>--chart-scale: the size of the PNG charts as a multiple of 1,000 × 600 pixels, for the commands that draw charts.</summary>
public static class ChartScaleOption
{
    /// <summary>The smallest scale allowed.</summary>
    public const double Smallest = 0.5;

    /// <summary>The largest scale allowed.</summary>
    public const double Largest = 4;

    private static readonly NumberRange<double> Allowed = new(Smallest, Largest, $"a number from {Smallest.ToString(CultureInfo.InvariantCulture)} to {Largest.ToString(CultureInfo.InvariantCulture)} (1 = 1,000 × 600 pixels, 2 for print)");

    /// <summary>A new --chart-scale option, default 1.</summary>
    public static Option<double> Create() => NumberOption.Create<double>(
        "--chart-scale",
        "Size of the PNG charts in charts/ as a multiple of 1,000 × 600 pixels: 1 for screens and documents, 2 for print (text and lines scale too). The SVGs are not affected.",
        ChartFiles.DefaultScale,
        Allowed);
}
