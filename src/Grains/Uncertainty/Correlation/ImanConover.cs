using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MarketSim.Grains.Uncertainty.Correlation;

/// <summary>
/// Iman and Conover (1982) rank-correlation induction: reorders independently sampled inputs so their
/// rank correlations approach a target while every input keeps exactly the values it was sampled with.
/// </summary>
/// <remarks>
/// Scores are van der Waerden's Φ⁻¹(r/(n+1)), r = 1..n, laid out in each input's own rank order (its
/// samples are independent draws, so its ranks are already a random permutation; no further random
/// numbers are needed and the result is a pure function of the input). The score matrix S is corrected
/// by the Cholesky factor Q of its own correlation and given the target's factor P (Cholesky, or the
/// eigen factor when the target is positive semi-definite but singular): T = S (P Q⁻¹)ᵀ. Each input's
/// sorted samples are then placed in the rank order of its column of T. Ties, in the samples or in T,
/// are broken by run index. Cost O(k n log n + n k² + k³) time and O(n k) memory for k inputs and n
/// runs; n must be at least k + 2 (so the scores' correlation is invertible), and the achieved rank
/// correlations are within about 1/√(n − 1) of target from n ≈ 100 upward.
/// </remarks>
public static class ImanConover
{
    /// <summary>
    /// Returns a copy of <paramref name="samplesByInput"/> (one array of n samples per input, in the
    /// order of <paramref name="target"/>'s inputs, in run order) with each array permuted so that the
    /// rank correlations approach <paramref name="target"/>. The target must be positive semi-definite
    /// (repair it with <see cref="RankCorrelationMatrix.NearestValid"/>).
    /// </summary>
    public static double[][] Reorder(double[][] samplesByInput, RankCorrelationMatrix target)
    {
        var k = target.Count;
        var n = CheckSamples(samplesByInput, target);
        var result = new double[k][];
        if (k == 0)
        {
            return result;
        }
        var scores = VanDerWaerdenScores(n);
        var s = new double[n, k];
        var order = new int[n];
        for (var j = 0; j < k; j++)
        {
            StableOrder(samplesByInput[j], order);
            for (var r = 0; r < n; r++)
            {
                s[order[r], j] = scores[r];
            }
        }
        var mix = TargetFactor(target) * ScoreCorrelation(s, scores).Cholesky().Factor.Inverse();
        var t = new double[n];
        var sorted = new double[n];
        for (var j = 0; j < k; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var m = 0; m < k; m++)
                {
                    sum += mix[j, m] * s[i, m];
                }
                t[i] = sum;
            }
            StableOrder(t, order);
            samplesByInput[j].CopyTo(sorted, 0);
            Array.Sort(sorted);
            var column = new double[n];
            for (var r = 0; r < n; r++)
            {
                column[order[r]] = sorted[r];
            }
            result[j] = column;
        }
        return result;
    }

    /// <summary>The smallest number of runs <see cref="Reorder"/> accepts for <paramref name="inputCount"/> inputs.</summary>
    public static int MinimumRuns(int inputCount) => inputCount + 2;

    private static int CheckSamples(double[][] samplesByInput, RankCorrelationMatrix target)
    {
        if (samplesByInput.Length != target.Count)
        {
            throw new ArgumentException(
                $"there are {samplesByInput.Length} sample arrays but {target.Count} correlated inputs ({string.Join(", ", target.InputNames)})",
                nameof(samplesByInput));
        }
        if (target.Count == 0)
        {
            return 0;
        }
        var n = samplesByInput[0].Length;
        for (var j = 0; j < target.Count; j++)
        {
            if (samplesByInput[j].Length != n)
            {
                throw new ArgumentException(
                    $"input '{target.InputNames[j]}' has {samplesByInput[j].Length} samples but '{target.InputNames[0]}' has {n}; all must have the same number",
                    nameof(samplesByInput));
            }
            if (Array.Exists(samplesByInput[j], double.IsNaN))
            {
                throw new ArgumentException($"input '{target.InputNames[j]}' has a NaN sample", nameof(samplesByInput));
            }
        }
        if (n < MinimumRuns(target.Count))
        {
            throw new ArgumentException(
                $"Iman-Conover needs at least {MinimumRuns(target.Count)} runs for {target.Count} correlated inputs; got {n}",
                nameof(samplesByInput));
        }
        if (!target.IsPositiveSemiDefinite())
        {
            throw new ArgumentException(
                $"the rank correlations between {string.Join(", ", target.InputNames)} are not positive semi-definite (smallest eigenvalue {target.SmallestEigenvalue:0.####}); repair them with NearestValid()",
                nameof(target));
        }
        return n;
    }

    private static double[] VanDerWaerdenScores(int n)
    {
        var scores = new double[n];
        for (var r = 0; r < n; r++)
        {
            scores[r] = Normal.InvCDF(0, 1, (r + 1.0) / (n + 1.0));
        }
        return scores;
    }

    /// <summary>Fills <paramref name="order"/> with run indices in ascending order of value, ties by index.</summary>
    private static void StableOrder(double[] values, int[] order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var c = values[a].CompareTo(values[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
    }

    private static Matrix<double> ScoreCorrelation(double[,] s, double[] scores)
    {
        int n = s.GetLength(0), k = s.GetLength(1);
        var mean = scores.Average();
        var variance = scores.Sum(x => (x - mean) * (x - mean));
        var c = Matrix<double>.Build.Dense(k, k);
        for (var a = 0; a < k; a++)
        {
            c[a, a] = 1;
            for (var b = a + 1; b < k; b++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    sum += (s[i, a] - mean) * (s[i, b] - mean);
                }
                c[a, b] = c[b, a] = sum / variance;
            }
        }
        return c;
    }

    private static Matrix<double> TargetFactor(RankCorrelationMatrix target)
    {
        var c = target.ToMatrix();
        if (target.SmallestEigenvalue > RankCorrelationMatrix.EigenvalueTolerance)
        {
            return c.Cholesky().Factor;
        }
        var evd = c.Evd(Symmetricity.Symmetric);
        var roots = evd.EigenValues.Real().Map(v => Math.Sqrt(Math.Max(v, 0)));
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(roots);
    }
}
