namespace MarketSim.Grains.Randomness;

/// <summary>
/// A Poisson mean λ with the constants of <see cref="PoissonSampler"/>'s draws worked out once: e^(−λ) for
/// inversion below λ = 10, PTRS's hat from there. A zone's weekly referral rates are known before the
/// runs start, so their draws need no exponential or logarithm of their own.
/// </summary>
public readonly struct PoissonMean
{
    /// <summary>Works out the constants of mean <paramref name="mean"/> (≥ 0).</summary>
    public PoissonMean(double mean)
    {
        Mean = mean;
        if (mean < PoissonSampler.RejectionFromMean)
        {
            ExpNegative = Math.Exp(-mean);
            return;
        }
        LogMean = Math.Log(mean);
        B = 0.931 + (2.53 * Math.Sqrt(mean));
        A = -0.059 + (0.02483 * B);
        Alpha = 1.1239 + (1.1328 / (B - 3.4));
        AcceptBelow = 0.9277 - (3.6224 / (B - 2));
    }

    /// <summary>λ.</summary>
    public double Mean { get; }

    /// <summary>e^(−λ), the probability of 0 (inversion only).</summary>
    public double ExpNegative { get; }

    /// <summary>ln λ (PTRS only).</summary>
    public double LogMean { get; }

    /// <summary>PTRS's b = 0.931 + 2.53√λ.</summary>
    public double B { get; }

    /// <summary>PTRS's a = −0.059 + 0.02483 b.</summary>
    public double A { get; }

    /// <summary>PTRS's α = 1.1239 + 1.1328 / (b − 3.4).</summary>
    public double Alpha { get; }

    /// <summary>PTRS's v_r = 0.9277 − 3.6224 / (b − 2): below it a draw in the hat's centre is accepted at once.</summary>
    public double AcceptBelow { get; }
}
