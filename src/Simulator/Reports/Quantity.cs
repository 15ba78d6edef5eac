using System.Globalization;
using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Figures for people in tables and reports: money with £ and k/m/bn (£1.20m, −£5.00m), rates in
/// pounds and pence an hour, other units as compact numbers (their unit is in the label), and chances
/// as percentages with their 95% interval (2.5% (1.1–5.7%)).
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
