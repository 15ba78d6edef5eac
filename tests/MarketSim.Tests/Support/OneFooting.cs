using System.Text.RegularExpressions;

namespace MarketSim.Tests.Support;

/// <summary>
/// Checks the house rule on figures of one unit in one table: when one is written with k, m or bn, none from 1,000 is
/// written in full beside it (£5.16k beside £6.43m, not £5,157).
/// </summary>
public static partial class OneFooting
{
    /// <summary>Fails, naming <paramref name="where"/>, when <paramref name="cells"/> ("+7,345 ± 1,248", "385k") mix the two.</summary>
    public static void Assert(string where, IEnumerable<string> cells)
    {
        var figures = cells.SelectMany(c => c.Split(" ± ")).Select(f => f.Trim()).ToList();
        var scaled = figures.Where(f => Scaled().IsMatch(f)).ToList();
        var full = figures.Where(f => Full().IsMatch(f)).ToList();
        Xunit.Assert.True(scaled.Count == 0 || full.Count == 0, $"{where}: {string.Join(", ", full)} written in full beside {string.Join(", ", scaled)}");
    }

    [GeneratedRegex(@"\d(k|m|bn|tn)$")]
    private static partial Regex Scaled();

    [GeneratedRegex(@"\d,\d{3}")]
    private static partial Regex Full();
}
