namespace MarketSim.Simulator.Reports;

/// <summary>A text field of the CSV files MarketSim writes, as RFC 4180 has it: quoted, its quotes doubled, when it holds a comma, a quote or a line break.</summary>
internal static class CsvField
{
    /// <summary><paramref name="text"/> as one CSV field.</summary>
    public static string Of(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
