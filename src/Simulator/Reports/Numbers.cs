using System.Globalization;

namespace MarketSim.Simulator.Reports;

/// <summary>How numbers are written in every output: invariant culture, shortest form that round-trips.</summary>
public static class Numbers
{
    /// <summary>The exact text of <paramref name="x"/> for CSV; empty for NaN (a missing value in Excel, R and pandas).</summary>
    public static string Exact(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A readable rounding of <paramref name="x"/> for the printed table: thousands separators, few decimals.</summary>
    public static string Readable(double x)
    {
        var magnitude = Math.Abs(x);
        var format = magnitude >= 1000 ? "#,0" : magnitude >= 10 ? "#,0.0" : "#,0.00";
        return x.ToString(format, CultureInfo.InvariantCulture);
    }
}
