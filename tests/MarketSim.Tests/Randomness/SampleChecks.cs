namespace MarketSim.Tests.Randomness;

/// <summary>The checks every sampler test makes: a Kolmogorov–Smirnov test against a reference CDF, and moments within 4 SE of the closed form.</summary>
public static class SampleChecks
{
    /// <summary>Draws per Kolmogorov–Smirnov test.</summary>
    public const int Draws = 100_000;

    /// <summary>The asymptotic critical value of √n·D at α = 0.001 (Kolmogorov's distribution).</summary>
    public const double KsCritical = 1.949;

    /// <summary>The Kolmogorov–Smirnov statistic D of <paramref name="sample"/> (sorted in place) against <paramref name="cdf"/>.</summary>
    public static double KsStatistic(double[] sample, Func<double, double> cdf)
    {
        Array.Sort(sample);
        var n = sample.Length;
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sample[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - f, f - ((double)i / n)));
        }
        return d;
    }

    /// <summary>Fails unless <paramref name="sample"/> passes the Kolmogorov–Smirnov test against <paramref name="cdf"/> at α = 0.001.</summary>
    public static void AssertFollows(double[] sample, Func<double, double> cdf, string what)
    {
        var d = KsStatistic(sample, cdf);
        var critical = KsCritical / Math.Sqrt(sample.Length);
        Assert.True(d < critical, $"{what}: KS D = {d:G4} over {sample.Length} draws exceeds {critical:G4} (alpha 0.001)");
    }

    /// <summary>
    /// Fails unless the sample mean is within 4 SE of <paramref name="mean"/> (SE = σ/√n) and the sample variance
    /// within 4 SE of <paramref name="variance"/> (SE = √((μ₄ − σ⁴)/n), from the closed-form fourth central moment <paramref name="fourthCentralMoment"/>).
    /// </summary>
    public static void AssertMoments(double[] sample, double mean, double variance, double fourthCentralMoment, string what)
    {
        var n = sample.Length;
        var sampleMean = sample.Average();
        var sampleVariance = sample.Sum(x => (x - sampleMean) * (x - sampleMean)) / (n - 1);
        var meanSe = Math.Sqrt(variance / n);
        var varianceSe = Math.Sqrt((fourthCentralMoment - (variance * variance)) / n);
        Assert.True(Math.Abs(sampleMean - mean) <= 4 * meanSe, $"{what}: mean {sampleMean:G6}, expected {mean:G6} ± {4 * meanSe:G3} (4 SE)");
        Assert.True(Math.Abs(sampleVariance - variance) <= 4 * varianceSe, $"{what}: variance {sampleVariance:G6}, expected {variance:G6} ± {4 * varianceSe:G3} (4 SE)");
    }

    /// <summary>Fails unless <paramref name="count"/> of <paramref name="draws"/> is within 4 SE of the binomial mean at probability <paramref name="p"/>.</summary>
    public static void AssertCount(int count, int draws, double p, string what)
    {
        var se = Math.Sqrt(draws * p * (1 - p));
        Assert.True(Math.Abs(count - (draws * p)) <= 4 * se, $"{what}: {count} draws, expected {draws * p:F1} ± {4 * se:F1} (4 SE)");
    }

    /// <summary><see cref="Draws"/> draws of <paramref name="draw"/>.</summary>
    public static double[] Sample(Func<double> draw)
    {
        var sample = new double[Draws];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = draw();
        }
        return sample;
    }
}
