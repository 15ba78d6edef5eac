using System.Globalization;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A number as a scenario file may write it (underscores between digits allowed, 10_640_000), read the
/// same way by the loader and by the workbench's levers so that what one accepts the other does.
/// </summary>
internal static class YamlNumber
{
    /// <summary>The finite number <paramref name="text"/> writes, or null when it is not one.</summary>
    public static double? Of(string text) =>
        double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
