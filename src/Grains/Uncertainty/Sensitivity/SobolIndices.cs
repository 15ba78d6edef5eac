using MarketSim.Grains.Randomness;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>
/// Sobol variance-based sensitivity indices from the runs of a <see cref="SaltelliDesign"/>: first
/// order by the Saltelli et al. (2010) estimator S_i = mean(f(B)·(f(A_B^i) − f(A))) / V and total by
/// Jansen's (1999) S_Ti = mean((f(A) − f(A_B^i))²) / (2V), with V the variance of f over A and B.
/// Intervals are percentile bootstrap, resampling the N base rows (with their A, B and A_B^i runs
/// together) from a seeded stream. Outcomes are measured from their mean over A and B first, which
/// leaves both estimators unbiased and stops a large mean (£ millions) inflating S_i's variance.
/// Cost O(B N k) for B resamples.
/// </summary>
public static class SobolIndices
{
    /// <summary>
    /// Estimates the indices from <paramref name="outcome"/>, one finite value per design row in the
    /// design's row order.
    /// </summary>
    public static SobolResult Estimate(
        SaltelliDesign design, double[] outcome, int bootstrapResamples = 1000, ulong bootstrapSeed = 1, double confidenceLevel = 0.95)
    {
        if (outcome.Length != design.RowCount)
        {
            throw new ArgumentException(
                $"the design has {design.RowCount} runs ((k + 2)·N = ({design.InputCount} + 2)·{design.BaseSize}) but there are {outcome.Length} outcomes",
                nameof(outcome));
        }
        var bad = Array.FindIndex(outcome, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException($"the outcome of run {bad} is {outcome[bad]}; Sobol indices need every run's outcome", nameof(outcome));
        }
        if (bootstrapResamples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(bootstrapResamples), $"{bootstrapResamples} resamples; at least 100 are needed");
        }
        int k = design.InputCount, n = design.BaseSize;
        var first = new double[k];
        var total = new double[k];
        var centre = Enumerable.Range(0, 2 * n).Average(row => outcome[row]);
        var variance = Accumulate(design, outcome, centre, null, first, total);
        var firstDraws = new double[k][];
        var totalDraws = new double[k][];
        for (var i = 0; i < k; i++)
        {
            firstDraws[i] = new double[bootstrapResamples];
            totalDraws[i] = new double[bootstrapResamples];
        }
        var counts = new int[n];
        var bootFirst = new double[k];
        var bootTotal = new double[k];
        var random = new Xoshiro256StarStar(bootstrapSeed);
        for (var b = 0; b < bootstrapResamples; b++)
        {
            Array.Clear(counts);
            for (var j = 0; j < n; j++)
            {
                counts[(int)((random.NextUInt64() >> 11) * (1.0 / (1UL << 53)) * n)]++;
            }
            Accumulate(design, outcome, centre, counts, bootFirst, bootTotal);
            for (var i = 0; i < k; i++)
            {
                firstDraws[i][b] = bootFirst[i];
                totalDraws[i][b] = bootTotal[i];
            }
        }
        var indices = new SobolIndex[k];
        for (var i = 0; i < k; i++)
        {
            indices[i] = new SobolIndex(
                design.InputNames[i],
                first[i],
                Percentile(firstDraws[i], confidenceLevel),
                total[i],
                Percentile(totalDraws[i], confidenceLevel));
        }
        return new SobolResult(indices, variance, n);
    }

    /// <summary>
    /// Writes S_i and S_Ti with each base row weighted by its count (all 1 when null), outcomes measured
    /// from <paramref name="centre"/>; returns V.
    /// </summary>
    private static double Accumulate(SaltelliDesign design, double[] y, double centre, int[]? counts, double[] first, double[] total)
    {
        int k = design.InputCount, n = design.BaseSize;
        double weight = 0, sumSquares = 0;
        for (var j = 0; j < n; j++)
        {
            var w = counts is null ? 1 : counts[j];
            double a = y[design.RowOfA(j)] - centre, b = y[design.RowOfB(j)] - centre;
            weight += w;
            sumSquares += w * ((a * a) + (b * b));
        }
        var variance = sumSquares / (2 * weight);
        double mean = 0;
        for (var j = 0; j < n; j++)
        {
            var w = counts is null ? 1 : counts[j];
            mean += w * (y[design.RowOfA(j)] + y[design.RowOfB(j)] - (2 * centre));
        }
        mean /= 2 * weight;
        variance -= mean * mean;
        for (var i = 0; i < k; i++)
        {
            double firstSum = 0, totalSum = 0;
            for (var j = 0; j < n; j++)
            {
                var w = counts is null ? 1 : counts[j];
                if (w == 0)
                {
                    continue;
                }
                double a = y[design.RowOfA(j)] - centre, b = y[design.RowOfB(j)] - centre, ab = y[design.RowOfAB(i, j)] - centre;
                firstSum += w * b * (ab - a);
                totalSum += w * (a - ab) * (a - ab);
            }
            first[i] = variance > 0 ? firstSum / weight / variance : 0;
            total[i] = variance > 0 ? totalSum / (2 * weight) / variance : 0;
        }
        return variance;
    }

    private static ConfidenceInterval Percentile(double[] draws, double level)
    {
        Array.Sort(draws);
        var tail = (1 - level) / 2;
        return new(SampleQuantile.Type7(draws, tail), SampleQuantile.Type7(draws, 1 - tail));
    }
}
