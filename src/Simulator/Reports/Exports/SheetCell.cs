namespace MarketSim.Simulator.Reports.Exports;

/// <summary>One cell of a results.xlsx sheet: text, a number (NaN: left blank) with an optional Excel number format, or blank.</summary>
/// <param name="Text">The text, or null for a number.</param>
/// <param name="Number">The number, when <paramref name="Text"/> is null.</param>
/// <param name="Format">The Excel number format, or null for the column's.</param>
/// <param name="NumberText">The number as written in a CSV file (its shortest round-trip form), written as it is; null to write <paramref name="Number"/>.</param>
internal readonly record struct SheetCell(string? Text, double Number, string? Format = null, string? NumberText = null)
{
    /// <summary>An empty cell.</summary>
    public static SheetCell Blank { get; } = new(null, double.NaN);

    /// <summary>Whether the cell is written at all.</summary>
    public bool IsBlank => Text is null && NumberText is null && double.IsNaN(Number);

    /// <summary>A text cell; null or empty text is blank.</summary>
    public static SheetCell Of(string? text) => string.IsNullOrEmpty(text) ? Blank : new(text, double.NaN);

    /// <summary>A number cell (NaN is blank), shown in <paramref name="format"/> or the column's format.</summary>
    public static SheetCell Of(double number, string? format = null) => new(null, number, format);

    /// <summary>A number cell holding a CSV field of MarketSim's as it is (empty is blank): no parsing or formatting.</summary>
    public static SheetCell Exact(string csvNumber) => csvNumber.Length == 0 ? Blank : new(null, 0, null, csvNumber);
}
