using System.Text.RegularExpressions;

namespace MarketSim.Tests.Support;

/// <summary>
/// Checks the house rule on a difference and its 95% half-width: both on one scale (the same k, m, bn or none) and to the same
/// decimals, "+£1.23m ± £0.05m", never "+£1.23m ± £45.0k" or "+£1.23m ± £0.0m"; an exact 0 on either side reads "£0".
/// </summary>
public static partial class OneScale
{
    /// <summary>Fails, naming <paramref name="where"/>, when a "difference ± half-width" cell of <paramref name="cells"/> writes the two on different scales; cells without ± are passed over.</summary>
    public static void Assert(string where, IEnumerable<string> cells)
    {
        var checkedAny = false;
        foreach (var cell in cells.Select(c => c.Trim()).Where(c => c.Contains(" ± ", StringComparison.Ordinal)))
        {
            var parts = cell.Split(" ± ");
            Xunit.Assert.True(parts.Length == 2, $"{where}: {cell}");
            var (value, half) = (Figure().Match(parts[0]), Figure().Match(parts[1]));
            Xunit.Assert.True(value.Success && half.Success, $"{where}: {cell} is not a figure ± a half-width");
            if (Zero().IsMatch(parts[0]) || Zero().IsMatch(parts[1]) || parts[1] == "n/a")
            {
                continue;
            }
            Xunit.Assert.True(value.Groups["suffix"].Value == half.Groups["suffix"].Value && value.Groups["decimals"].Value.Length == half.Groups["decimals"].Value.Length,
                $"{where}: {cell} writes the difference and its half-width on different scales");
            Xunit.Assert.True(half.Groups["digits"].Value.Any(c => c is >= '1' and <= '9'), $"{where}: {cell} shows its half-width as none");
            checkedAny = true;
        }
        Xunit.Assert.True(checkedAny, $"{where}: no difference ± half-width to check");
    }

    [GeneratedRegex(@"^[+−]?£?(?<digits>[\d,]+(?:\.(?<decimals>\d+))?)(?<suffix>k|m|bn|tn|%)?$|^n/a$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^£?0%?$")]
    private static partial Regex Zero();
}
