using System.Globalization;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>One input varied one at a time: a scenario path and its low and high values (<c>PATH=LOW..HIGH</c>).</summary>
/// <param name="Path">Where the value is.</param>
/// <param name="Low">The low value.</param>
/// <param name="High">The high value.</param>
public sealed record Variation(ScenarioPath Path, double Low, double High)
{
    /// <summary>The variation as the user wrote it, for messages.</summary>
    public string Text { get; init; } = $"{Path.Text}={Low.ToString("R", CultureInfo.InvariantCulture)}..{High.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>PATH=LOW..HIGH</c>; null when the text is not of that form.</summary>
    public static Variation? Parse(string text)
    {
        var eq = text.LastIndexOf('=');
        if (eq <= 0)
        {
            return null;
        }
        var range = text[(eq + 1)..].Split("..");
        return range.Length == 2
            && double.TryParse(range[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && double.TryParse(range[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            ? new Variation(new ScenarioPath(text[..eq].Trim()), low, high) { Text = text }
            : null;
    }
}
