using System.Globalization;

namespace MarketSim.Tests.Comparison;

/// <summary>compare.csv and runs.csv read back as the tests need them: rows as column-name → text.</summary>
internal static class CompareCsv
{
    public static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    public static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The values of <paramref name="column"/> in a runs.csv, run by run (NaN for empty cells).</summary>
    public static double[] Column(string runsCsv, string column) =>
        [.. Rows(runsCsv).Select(r => Number(r[column]))];
}
