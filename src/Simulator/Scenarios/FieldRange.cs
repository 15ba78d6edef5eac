using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.Simulator.Scenarios;

/// <summary>What a numeric field allows: the range an uncertain input's support must lie in.</summary>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Allowed">The range in words, for messages.</param>
/// <param name="ExclusiveMin">Whether <paramref name="Min"/> itself is not allowed.</param>
/// <param name="Whole">Whether the field takes whole numbers.</param>
internal sealed partial record FieldRange(double Min, double Max, string Allowed, bool ExclusiveMin, bool Whole)
{
    /// <summary>
    /// <paramref name="allowed"/> with the bounds it leaves out added, so a message's "allowed:" states the range
    /// the validator holds a value to: "a rate in pounds an hour ≥ 0" with a largest value of 1000 becomes
    /// "a rate in pounds an hour ≥ 0, at most 1,000". Words that already give both bounds are kept as they are.
    /// </summary>
    public static string Stated(string allowed, double min, double max, bool exclusiveMin)
    {
        var numbers = NumberInWords().Matches(allowed)
            .Select(m => double.Parse(m.Value.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToList();
        var minStated = !double.IsFinite(min) || numbers.Contains(min);
        var maxStated = !double.IsFinite(max) || numbers.Contains(max);
        var least = exclusiveMin ? $"more than {Number(min)}" : $"at least {Number(min)}";
        return (minStated, maxStated) switch
        {
            (true, true) => allowed,
            (true, false) => $"{allowed}, at most {Number(max)}",
            (false, true) => $"{allowed}, {least}",
            _ => exclusiveMin ? $"{allowed}, {least} and at most {Number(max)}" : $"{allowed}, from {Number(min)} to {Number(max)}",
        };
    }

    // As a scenario file may write it: no exponent, thousands separated from 1,000 on, a plain '-' for a negative bound.
    private static string Number(double value) =>
        Math.Abs(value) >= 1000 && value == Math.Floor(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###############", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"-?\d+(?:[,_]\d{3})*(?:\.\d+)?")]
    private static partial Regex NumberInWords();
}
