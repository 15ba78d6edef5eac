namespace MarketSim.Grains.Randomness;

/// <summary>
/// Exact Poisson(λ) draws for the model's rates (referrals a week, recruits a week). Below λ = 10, inversion
/// by sequential search from 0 with one uniform and one e^(−λ) (about λ + 1 steps, no rejection); from
/// λ = 10, Hörmann's (1993) transformed rejection PTRS, about 1.1 pairs of uniforms a draw whatever λ,
/// with ln k! from a table below 256 and Stirling's series beyond.
/// </summary>
public static class PoissonSampler
{
    /// <summary>From this mean up, PTRS (valid for λ ≥ 10); below it, inversion.</summary>
    public const double RejectionFromMean = 10;

    private const int TabledFactorials = 256;
    private const int TabledReciprocals = 64;
    private static readonly double[] LogFactorials = BuildLogFactorials();
    private static readonly double[] Reciprocals = [.. Enumerable.Range(0, TabledReciprocals).Select(k => k == 0 ? 0 : 1.0 / k)];

    /// <summary>One draw with mean <paramref name="mean"/> (≥ 0; 0 for 0) from <paramref name="state"/>.</summary>
    public static int Sample(ref Xoshiro256StarStar state, double mean) => Sample(ref state, new PoissonMean(mean));

    /// <summary>One draw with mean <paramref name="mean"/>.Mean, its constants worked out beforehand.</summary>
    public static int Sample(ref Xoshiro256StarStar state, in PoissonMean mean) =>
        mean.Mean < RejectionFromMean ? Inversion(ref state, mean.Mean, mean.ExpNegative) : TransformedRejection(ref state, mean);

    /// <summary>ln k! for k ≥ 0.</summary>
    public static double LogFactorial(double k)
    {
        if (k < TabledFactorials)
        {
            return LogFactorials[(int)k];
        }
        var n = k + 1;
        var inv2 = 1 / (n * n);
        var series = (1.0 / 12 - (inv2 * ((1.0 / 360) - (inv2 / 1260)))) / n;
        return ((n - 0.5) * Math.Log(n)) - n + (0.5 * Math.Log(2 * Math.PI)) + series;
    }

    /// <summary>The smallest k with F(k) ≥ u: the pmf p(k) = p(k − 1) λ/k is subtracted from u until u ≤ p(k).</summary>
    private static int Inversion(ref Xoshiro256StarStar state, double mean, double expNegative)
    {
        var u = state.NextDouble();
        var p = expNegative;
        var k = 0;
        while (u > p && p > 0)
        {
            u -= p;
            k++;
            p *= mean * (k < TabledReciprocals ? Reciprocals[k] : 1.0 / k);
        }
        return k;
    }

    /// <summary>
    /// PTRS (Hörmann 1993, algorithm of section 3): k = ⌊(2a/u_s + b)U + λ + 0.43⌋ with U uniform on (−½, ½)
    /// and u_s = ½ − |U|, V uniform on (0, 1], accepted at once in the hat's central region, else by the exact ratio test
    /// ln(V α / (a/u_s² + b)) ≤ −λ + k ln λ − ln k!.
    /// </summary>
    private static int TransformedRejection(ref Xoshiro256StarStar state, in PoissonMean constants)
    {
        var mean = constants.Mean;
        var logMean = constants.LogMean;
        var b = constants.B;
        var a = constants.A;
        var alpha = constants.Alpha;
        var acceptBelow = constants.AcceptBelow;
        while (true)
        {
            var u = state.NextDouble() - 0.5;
            var v = 1 - state.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= acceptBelow)
            {
                return (int)k;
            }
            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }
            if (Math.Log(v * alpha / ((a / (us * us)) + b)) <= -mean + (k * logMean) - LogFactorial(k))
            {
                return (int)k;
            }
        }
    }

    private static double[] BuildLogFactorials()
    {
        var table = new double[TabledFactorials];
        for (var k = 2; k < TabledFactorials; k++)
        {
            table[k] = table[k - 1] + Math.Log(k);
        }
        return table;
    }
}
