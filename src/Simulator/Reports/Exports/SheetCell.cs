using System.Globalization;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>One cell of a results.xlsx sheet: text, a number (NaN: left blank) with an optional Excel number format, a date, or blank.</summary>
/// <param name="Text">The text, or null for a number.</param>
/// <param name="Number">The number, when <paramref name="Text"/> is null.</param>
/// <param name="Format">The Excel number format, or null for the column's.</param>
/// <param name="NumberText">The number as written in a CSV file (its shortest round-trip form), written as it is; null to write <paramref name="Number"/>.</param>
internal readonly record struct SheetCell(string? Text, double Number, string? Format = null, string? NumberText = null)
{
    /// <summary>The number format of a date cell: ISO 8601, which reads the same whatever the reader's locale.</summary>
    public const string DateFormat = "yyyy-mm-dd";

    // Excel's serial number 0 is 30 December 1899; its serials count a 29 February 1900 that never was, so they are
    // days since then from 1 March 1900 on.
    private static readonly DateOnly SerialZero = new(1899, 12, 30);
    private static readonly DateOnly FirstExactSerial = new(1900, 3, 1);

    /// <summary>An empty cell.</summary>
    public static SheetCell Blank { get; } = new(null, double.NaN);

    /// <summary>Whether the cell is written at all.</summary>
    public bool IsBlank => Text is null && NumberText is null && double.IsNaN(Number);

    /// <summary>A text cell; null or empty text is blank.</summary>
    public static SheetCell Of(string? text) => string.IsNullOrEmpty(text) ? Blank : new(text, double.NaN);

    /// <summary>A number cell (NaN is blank), shown in <paramref name="format"/> or the column's format.</summary>
    public static SheetCell Of(double number, string? format = null) => new(null, number, format);

    /// <summary>
    /// A date cell: its Excel serial number (days since 30 December 1899) in <see cref="DateFormat"/>, which Excel, R's readxl and
    /// Python's openpyxl read as a date; a date before 1 March 1900, which no serial number gives exactly, as YYYY-MM-DD text.
    /// </summary>
    public static SheetCell Of(DateOnly date) =>
        date < FirstExactSerial ? Of(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : Of(date.DayNumber - SerialZero.DayNumber, DateFormat);

    /// <summary>The date of an Excel serial number from 1 March 1900 (61) on.</summary>
    public static DateOnly Date(double serial) => DateOnly.FromDayNumber(SerialZero.DayNumber + (int)serial);

    /// <summary>A number cell holding a CSV field of MarketSim's as it is (empty is blank): no parsing or formatting.</summary>
    public static SheetCell Exact(string csvNumber) => csvNumber.Length == 0 ? Blank : new(null, 0, null, csvNumber);
}
