using System.Globalization;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// What a number written with a percent sign ("3%") should have been: 3 in a field in percent
/// (<c>rate_setting.percent</c>, <c>percent_of_contribution</c>), 0.03 in any other, since rates and shares
/// are fractions (docs/scenario-format.md). The refusal then says what to write instead of only that
/// "3%" is not a number.
/// </summary>
internal static class PercentSign
{
    private static readonly string[] ValueParts = ["value", "min", "mode", "max", "values"];

    /// <summary>
    /// "write 0.03 for 3% (this field takes fractions)" for <paramref name="text"/> "3%" at <paramref name="path"/>,
    /// or null when the text is not a number followed by a percent sign.
    /// </summary>
    public static string? Correction(string text, string path)
    {
        var trimmed = text.Trim();
        if (!trimmed.EndsWith('%')
            || !decimal.TryParse(trimmed[..^1].Replace("_", "", StringComparison.Ordinal).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            return null;
        }
        return FieldUnits.Of(FieldPath(path)) == "percent"
            ? $"write {Plain(percent)} for {Plain(percent)}% (this field is in percent)"
            : $"write {Plain(percent / 100)} for {Plain(percent)}% (this field takes a fraction, 1 = 100%)";
    }

    /// <summary>The path of the field itself: without a trailing <c>.value</c> of <c>{ value: …, source: … }</c> or a distribution's parameter.</summary>
    private static string FieldPath(string path)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 0)
        {
            return path;
        }
        var last = path[(dot + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return ValueParts.Contains(bracket >= 0 ? last[..bracket] : last) ? path[..dot] : path;
    }

    private static string Plain(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);
}
