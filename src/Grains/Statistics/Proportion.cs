namespace MarketSim.Grains.Statistics;

/// <summary>
/// An estimated probability: <paramref name="Count"/> runs of <paramref name="Runs"/> had the event.
/// Its standard error is √(p(1 − p)/n); its 95% interval is Wilson's score interval, which stays
/// inside [0, 1] and is not empty when no run (or every run) had the event.
/// </summary>
/// <param name="Count">Runs with the event.</param>
/// <param name="Runs">Runs in all.</param>
[GenerateSerializer]
public sealed record Proportion(long Count, long Runs)
{
    /// <summary>The estimate p = count / runs; NaN with no runs.</summary>
    public double P => Runs > 0 ? Count / (double)Runs : double.NaN;

    /// <summary>Its Monte Carlo standard error, √(p(1 − p)/n); NaN with no runs.</summary>
    public double StdError => Runs > 0 ? Math.Sqrt(P * (1 - P) / Runs) : double.NaN;

    /// <summary>The lower end of the 95% Wilson score interval.</summary>
    public double Low95 => Wilson(-1);

    /// <summary>The upper end of the 95% Wilson score interval.</summary>
    public double High95 => Wilson(+1);

    private double Wilson(int sign)
    {
        if (Runs <= 0)
        {
            return double.NaN;
        }
        // At p = 1 the upper end is exactly 1, and at p = 0 the lower end exactly 0 (centre ± half cancels); the
        // arithmetic below leaves a rounding residue there (0.9999999999999999), which a report would write as
        // 100.00000000000000% rather than 100%.
        if ((sign > 0 && Count >= Runs) || (sign < 0 && Count <= 0))
        {
            return sign > 0 ? 1 : 0;
        }
        const double z = RunningMoments.Z95;
        var n = (double)Runs;
        var centre = (P + (z * z / (2 * n))) / (1 + (z * z / n));
        var half = z * Math.Sqrt((P * (1 - P) / n) + (z * z / (4 * n * n))) / (1 + (z * z / n));
        return Math.Clamp(centre + (sign * half), 0, 1);
    }
}
