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
    public static Variation? Parse(string text) => Parse(text, out _);

    /// <summary>
    /// Parses <c>PATH=LOW..HIGH</c>; null when the text is not of that form, with <paramref name="whyNot"/> saying which
    /// part is wrong (": '4%' is not a plain number …"), so that "0..4%" is not refused in the same words as a missing range.
    /// </summary>
    public static Variation? Parse(string text, out string whyNot)
    {
        var eq = text.LastIndexOf('=');
        if (eq <= 0)
        {
            whyNot = eq < 0 ? ": it has no =LOW..HIGH after the path" : ": it has no PATH before the =";
            return null;
        }
        var range = text[(eq + 1)..].Split("..");
        if (range.Length != 2)
        {
            whyNot = $": '{text[(eq + 1)..]}' is not LOW..HIGH, two numbers with two dots between";
            return null;
        }
        if (!double.TryParse(range[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(range[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high))
        {
            var bad = range.First(r => !double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).Trim();
            whyNot = bad.Length == 0
                ? ": LOW or HIGH is missing"
                : $": '{bad}' is not a plain number (LOW and HIGH are in the field's own unit, with a point for decimals and no %, £ or thousands separators: 4% is 0.04)";
            return null;
        }
        whyNot = "";
        return new Variation(new ScenarioPath(text[..eq].Trim()), low, high) { Text = text };
    }
}
