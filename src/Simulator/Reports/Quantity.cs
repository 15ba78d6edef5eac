using System.Globalization;
using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Figures for people in tables and reports: money with £ and k/m/bn (£1.20m, −£5.00m), rates in
/// pounds and pence an hour, other units as compact numbers (their unit is in the label), and chances
/// as percentages with their 95% interval (2.5% (1.1–5.7%)); a difference and its 95% half-width on one scale (+£1.23m ± £0.05m).
/// </summary>
public static class Quantity
{
    /// <summary>
    /// <paramref name="x"/> in <paramref name="unit"/> (a schema unit such as GBP); with <paramref name="signed"/>, + or − always shown;
    /// with <paramref name="scaled"/>, with k from 1,000 (£5.16k) as <see cref="Numbers.Scaled"/>. "n/a" for NaN.
    /// </summary>
    public static string Format(double x, string unit, bool signed = false, bool scaled = false)
    {
        if (double.IsNaN(x))
        {
            return "n/a";
        }
        var sign = x < 0 ? "−" : signed && x > 0 ? "+" : "";
        var magnitude = Math.Abs(x);
        return unit switch
        {
            "GBP" => $"{sign}£{(scaled ? Numbers.Scaled(magnitude) : Pounds(magnitude))}",
            "GBP per hour" => $"{sign}£{Pence(magnitude, "#,0.00")}",
            _ => sign + (scaled ? Numbers.Scaled(magnitude) : Numbers.Compact(magnitude)),
        };
    }

    /// <summary>
    /// A percentile of a count or a week number as a whole number: 8, 189, 12.3k (with <paramref name="scaled"/>, 1.23k from 1,000);
    /// − for a negative one, "n/a" for NaN.
    /// </summary>
    public static string Count(double x, bool scaled = false) =>
        double.IsNaN(x) ? "n/a" : (Math.Round(x, MidpointRounding.AwayFromZero) < 0 ? "−" : "") + Numbers.Whole(Math.Abs(x), scaled ? Numbers.Scaled : Numbers.Compact);

    /// <summary>An amount in pounds for people: £1.20m, £340k, £5,000, £14.36, £0.005 (one significant figure below half a penny), £0; − for a negative amount, "n/a" for NaN.</summary>
    public static string Money(double gbp, bool signed = false) => Format(gbp, "GBP", signed);

    /// <summary>A share 0..1 as a percentage: 23%, 0.4%, 0%; − for a negative estimate (a Sobol index's), "n/a" for NaN.</summary>
    public static string Share(double share) => double.IsNaN(share) ? "n/a" : Pct(share);

    /// <summary>
    /// A chance 0..1 and its 95% interval as percentages, the interval in brackets with one % sign: "2.5% (1.1–5.7%)",
    /// "0% (0–1.9%)"; "n/a" for NaN. An interval rather than ± a half-width, as a Wilson interval is not symmetric and is
    /// not empty at 0 or 1.
    /// </summary>
    public static string Percent(double share, double low95, double high95) =>
        double.IsNaN(share) ? "n/a" : $"{Pct(share)} ({Pct(low95).TrimEnd('%')}–{Pct(high95)})";

    /// <summary>A chance and its 95% Wilson interval as <see cref="Percent(double, double, double)"/> writes them; "n/a" for none.</summary>
    public static string Chance(Proportion? chance) => chance is null ? "n/a" : Percent(chance.P, chance.Low95, chance.High95);

    /// <summary>
    /// A figure and its uncertainty (the half-width of its 95% interval, or its standard error in the tables' mean ± SE) on one scale, the half-width to one significant figure (two when
    /// it starts with 1 or 2) and the figure to as many decimals: "£1.23m ± £0.05m", "+£1,234 ± £56", "23.4% ± 0.4%" (a
    /// share, unit "share"), "+£1.2300m ± £0.0008m" for a half-width small beside the figure and "+£0.01m ± £1.50m" for
    /// one larger. The scale (k, m, bn) is the one <see cref="Format"/> would give the larger of the two, with k from 1,000
    /// when <paramref name="scaled"/>; an exact 0 is "£0" ("0 ± 0" where two scenarios cannot differ). With <paramref name="signed"/>, + or − before a figure
    /// that does not round to 0. "n/a" for a NaN figure, "± n/a" for a NaN half-width.
    /// </summary>
    public static string PlusMinus(double x, double halfWidth, string unit, bool signed = false, bool scaled = false)
    {
        if (double.IsNaN(x))
        {
            return "n/a";
        }
        if (!double.IsFinite(x) || !double.IsFinite(halfWidth))
        {
            string Alone(double y, bool sign) => unit == "share" ? (sign && y > 0 ? "+" : "") + Share(y) : Format(y, unit, sign, scaled);
            return $"{Alone(x, signed)} ± {(double.IsNaN(halfWidth) ? "n/a" : Alone(Math.Abs(halfWidth), false))}";
        }
        var half = Math.Abs(halfWidth);
        var (prefix, factor, suffix, decimals) = Scale(Math.Max(Math.Abs(x), half), unit, scaled);
        decimals = Math.Min(15, Math.Max(decimals, HalfWidthDecimals(half * factor)));
        if (unit == "GBP" && suffix.Length == 0 && decimals == 1)
        {
            // Pounds to a tenth read as a slip; pence, as every other amount below £10.
            decimals = 2;
        }
        var format = decimals == 0 ? "#,0" : "#,0." + new string('0', decimals);
        var value = Math.Round(Math.Abs(x) * factor, decimals, MidpointRounding.AwayFromZero);
        var sign = value == 0 ? "" : x < 0 ? "−" : signed ? "+" : "";
        // An exact 0 reads "0", as Format writes it, not "0.00m": a difference of none, or a half-width of none.
        string Written(double y, double rounded) => y == 0 ? unit == "share" ? "0%" : "0" : rounded.ToString(format, CultureInfo.InvariantCulture) + suffix;
        return $"{sign}{prefix}{Written(x, value)} ± {prefix}{Written(half, Math.Round(half * factor, decimals, MidpointRounding.AwayFromZero))}";
    }

    // How PlusMinus writes figures up to `magnitude`: before the number, its multiplier, the suffix after it (k, m, bn, tn
    // or %) and the decimals the figure itself takes, as Format writes it (three significant figures with a suffix).
    private static (string Prefix, double Factor, string Suffix, int Decimals) Scale(double magnitude, string unit, bool scaled)
    {
        var prefix = unit is "GBP" or "GBP per hour" ? "£" : "";
        var (factor, suffix, decimals) = unit switch
        {
            "share" => (100, "%", magnitude * 100 >= 10 ? 0 : 1),
            "GBP per hour" => (1, "", 2),
            _ when magnitude >= (scaled ? 1000 : 10_000) => Suffixed(magnitude),
            "GBP" => (1, "", magnitude >= 10 ? 0 : 2),
            _ => (1, "", magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : 2),
        };
        // A figure that is not 0 keeps one significant figure, as Format's do.
        return (prefix, factor, suffix, magnitude > 0 ? Math.Max(decimals, OneFigure(magnitude * factor)) : decimals);
    }

    // The suffix Numbers.Scaled gives `magnitude` (at least 1,000), as the multiplier to it, the suffix and the decimals of three significant figures.
    private static (double Factor, string Suffix, int Decimals) Suffixed(double magnitude)
    {
        var (_, suffix, thousands, decimals) = Numbers.Suffix(magnitude);
        return (1 / Math.Pow(1000, thousands), suffix, decimals);
    }

    // The decimals that show a half-width to one significant figure, or two when it starts with 1 or 2 (0.15, not 0.2); none for 0.
    private static int HalfWidthDecimals(double half)
    {
        if (half == 0)
        {
            return 0;
        }
        var exponent = (int)Math.Floor(Math.Log10(half));
        var figures = Math.Round(half / Math.Pow(10, exponent), 1, MidpointRounding.AwayFromZero) < 3 ? 2 : 1;
        return Math.Max(0, figures - 1 - exponent);
    }

    // The decimals that show a positive magnitude to one significant figure: 0 from 1, 3 for 0.002.
    private static int OneFigure(double magnitude) => Math.Max(0, -(int)Math.Floor(Math.Log10(magnitude)));

    private static string Pounds(double magnitude) => magnitude switch
    {
        >= 10_000 => Numbers.Compact(magnitude),
        >= 10 => magnitude.ToString("#,0", CultureInfo.InvariantCulture),
        _ => Pence(magnitude, "0.00"),
    };

    // An amount that is not 0 but would round to £0.00 keeps one significant figure (£0.003), as Numbers.Readable does; none is £0.
    private static string Pence(double magnitude, string format) =>
        magnitude == 0 ? "0" : magnitude.ToString(magnitude is > 0 and < 0.005 ? Numbers.OneSignificantFigure(magnitude) : format, CultureInfo.InvariantCulture);

    /// <summary>
    /// A percentage to a tenth below 10% and above 90%, and to one significant figure below 0.05% (0.004%) or of
    /// the distance to 100% above 99.95% (99.996%), so that a small half-width is not shown as none and a share
    /// short of 1 is never shown as 100%.
    /// </summary>
    private static string Pct(double share)
    {
        if (share < 0)
        {
            return "−" + Pct(-share);
        }
        var percent = Math.Abs(share) * 100;
        if (percent is > 90 and < 100)
        {
            var shortOf = 100 - percent;
            var decimals = Decimals(shortOf);
            return (100 - Math.Round(shortOf, decimals, MidpointRounding.AwayFromZero)).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";
        }
        var format = percent switch
        {
            > 0 and < 0.05 => Numbers.OneSignificantFigure(percent),
            > 0 and < 10 => "0.0",
            _ => "0",
        };
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>The decimals a percentage below 10 is written to: one, or one significant figure below 0.05.</summary>
    private static int Decimals(double percent) => percent < 0.05 ? Numbers.OneSignificantFigure(percent).Length - 2 : 1;
}
