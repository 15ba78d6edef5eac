using System.Globalization;
using System.Text;

namespace MarketSim.Simulator.Reports;

/// <summary>How numbers are written in every output: invariant culture, shortest form that round-trips.</summary>
public static class Numbers
{
    /// <summary>The exact text of <paramref name="x"/> for CSV; empty for NaN (a missing value in Excel, R and pandas).</summary>
    public static string Exact(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Appends <see cref="Exact"/>'s text of <paramref name="x"/> to <paramref name="text"/> without making a string of it (runs.csv writes a million).</summary>
    public static StringBuilder AppendExact(StringBuilder text, double x) =>
        double.IsNaN(x) ? text : text.Append(CultureInfo.InvariantCulture, $"{x:R}");

    /// <summary>
    /// A readable rounding of <paramref name="x"/> for the printed table: thousands separators, few decimals; 0 as "0",
    /// not "0.00". A number that is not 0 but would round to 0.00 keeps one significant figure (0.002), so that a small
    /// standard error is not shown as none.
    /// </summary>
    public static string Readable(double x)
    {
        if (x == 0)
        {
            return "0";
        }
        var magnitude = Math.Abs(x);
        var format = magnitude >= 1000 ? "#,0" : magnitude >= 10 ? "#,0.0" : magnitude is > 0 and < 0.005 ? OneSignificantFigure(magnitude) : "#,0.00";
        return x.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An input's value as a person would write it, for the setting an analysis gave it: up to six significant
    /// figures, and every digit of its whole part, with thousands separators (14.36, 16.18, 2,750, 0.0133333, −0.02 with a
    /// minus sign, as the signed changes beside it), so that close settings stay apart.
    /// </summary>
    public static string Setting(double x)
    {
        if (x == 0)
        {
            return "0";
        }
        if (!double.IsFinite(x))
        {
            return Readable(x);
        }
        var decimals = Math.Clamp(5 - (int)Math.Floor(Math.Log10(Math.Abs(x))), 0, 15);
        return Math.Round(x, decimals).ToString("#,0.###############;−#,0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A percentile of a count or a week number, rounded to the whole number it stands for (a type-7
    /// quantile of whole numbers can fall between two: 8.05 hand-backs): 8, 189, and from 1,000 as
    /// <paramref name="number"/> writes it (1,234 or 12.3k).
    /// </summary>
    public static string Whole(double x, Func<double, string> number)
    {
        var rounded = Math.Round(x, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            // −0.4 rounds to negative zero, which would be written "-0".
            rounded = 0;
        }
        return double.IsFinite(rounded) && Math.Abs(rounded) < 1000 ? rounded.ToString("0", CultureInfo.InvariantCulture) : number(rounded);
    }

    /// <summary>The format that shows a positive <paramref name="magnitude"/> below 1 to one significant figure (0.002 for 0.0023).</summary>
    internal static string OneSignificantFigure(double magnitude) =>
        "0." + new string('0', Math.Clamp(-(int)Math.Floor(Math.Log10(magnitude)), 1, 15));

    /// <summary>
    /// <paramref name="x"/> in at most about six characters for a narrow table: as <see cref="Readable"/>
    /// below 10,000, otherwise three significant figures with k, m or bn (12.3k, 5.41m, 1.07bn).
    /// </summary>
    public static string Compact(double x) => !double.IsFinite(x) || Math.Abs(x) < 10_000 ? Readable(x) : Suffixed(x);

    /// <summary>
    /// <paramref name="x"/> as <see cref="Compact"/> writes it, but with k from 1,000 (5.16k): for a figure beside
    /// others of its unit that <see cref="Compact"/> writes with k, m or bn, so that they read on one footing (see <see cref="Footing"/>).
    /// </summary>
    public static string Scaled(double x) => !double.IsFinite(x) || Math.Abs(x) < 1000 ? Readable(x) : Suffixed(x);

    // Three significant figures with k, m, bn or tn, for a magnitude of at least 1,000.
    private static string Suffixed(double x)
    {
        var (scaled, suffix, _, decimals) = Suffix(x);
        return Round(scaled, decimals).ToString(decimals switch { 0 => "0", 1 => "0.0", _ => "0.00" }, CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>
    /// How <see cref="Compact"/> and <see cref="Scaled"/> write <paramref name="x"/> (at least 1,000 in size) with k, m, bn or
    /// tn: <paramref name="x"/> in that unit, the suffix, the power of 1,000 it stands for (1 for k) and the decimals of three
    /// significant figures (12.3k, 5.41m, 107bn).
    /// </summary>
    internal static (double Scaled, string Suffix, int Thousands, int Decimals) Suffix(double x)
    {
        string[] suffixes = ["k", "m", "bn", "tn"];
        var scaled = x / 1000;
        for (var i = 0; ; i++)
        {
            var decimals = Math.Abs(Round(scaled, 1)) >= 100 ? 0 : Math.Abs(Round(scaled, 2)) >= 10 ? 1 : 2;
            if (Math.Abs(Round(scaled, decimals)) < 1000 || i == suffixes.Length - 1)
            {
                return (scaled, suffixes[i], i + 1, decimals);
            }
            scaled /= 1000;
        }
    }

    private static double Round(double x, int decimals) => Math.Round(x, decimals, MidpointRounding.AwayFromZero);
}
