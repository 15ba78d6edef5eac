using MathNet.Numerics.LinearAlgebra;

namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>
/// The standardised least-squares regression of the outcome's ranks on the predictors' ranks, fitted
/// from the correlation matrix (β = R_xx⁻¹ r_xy, R² = β·r_xy), on all runs or on a bootstrap
/// resample given as a count per run. A resample is ranked afresh (average ranks, a run drawn c times
/// filling c tied places), in O(n) per column from the full sample's sort order.
/// </summary>
internal sealed class RankRegression
{
    private readonly int[][] _order;
    private readonly bool[][] _tiedWithNext;
    private readonly double[] _rows;
    private readonly int _runs;
    private readonly int _width;
    private readonly double[] _sums;
    private readonly double[] _cross;

    /// <summary>Takes one value array per predictor and the outcome's values, all of the same length.</summary>
    public RankRegression(double[][] predictors, double[] outcome)
    {
        double[][] columns = [.. predictors, outcome];
        _runs = outcome.Length;
        _width = columns.Length;
        _order = new int[_width][];
        _tiedWithNext = new bool[_width][];
        for (var a = 0; a < _width; a++)
        {
            var values = columns[a];
            var order = Enumerable.Range(0, _runs).ToArray();
            Array.Sort(order, (i, j) => values[i] != values[j] ? values[i].CompareTo(values[j]) : i.CompareTo(j));
            _order[a] = order;
            _tiedWithNext[a] = [.. Enumerable.Range(0, _runs).Select(r => r + 1 < _runs && values[order[r]] == values[order[r + 1]])];
        }
        _rows = new double[_runs * _width];
        _sums = new double[_width];
        _cross = new double[_width * _width];
    }

    /// <summary>The number of predictors.</summary>
    public int Predictors => _width - 1;

    /// <summary>
    /// Fits with each run counted <paramref name="counts"/>[i] times (all once when null). Writes the
    /// standardised coefficients and each predictor's correlation with the outcome; false when a
    /// predictor is constant in the resample or the predictors are collinear.
    /// </summary>
    public bool TryFit(int[]? counts, double[] coefficients, double[] correlations, out double rSquared)
    {
        rSquared = double.NaN;
        Rank(counts);
        Array.Clear(_sums);
        Array.Clear(_cross);
        var total = 0.0;
        for (var i = 0; i < _runs; i++)
        {
            var w = counts is null ? 1 : counts[i];
            if (w == 0)
            {
                continue;
            }
            total += w;
            var row = _rows.AsSpan(i * _width, _width);
            for (var a = 0; a < _width; a++)
            {
                var wa = w * row[a];
                _sums[a] += wa;
                for (var b = a; b < _width; b++)
                {
                    _cross[(a * _width) + b] += wa * row[b];
                }
            }
        }
        var sd = new double[_width];
        for (var a = 0; a < _width; a++)
        {
            var variance = Covariance(a, a, total);
            if (!(variance > 1e-12))
            {
                return false;
            }
            sd[a] = Math.Sqrt(variance);
        }
        var p = Predictors;
        var y = _width - 1;
        var rxx = Matrix<double>.Build.Dense(p, p, (a, b) => Covariance(Math.Min(a, b), Math.Max(a, b), total) / (sd[a] * sd[b]));
        var rxy = Vector<double>.Build.Dense(p, a => Covariance(a, y, total) / (sd[a] * sd[y]));
        Vector<double> beta;
        try
        {
            beta = rxx.Cholesky().Solve(rxy);
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (!beta.All(double.IsFinite))
        {
            return false;
        }
        for (var a = 0; a < p; a++)
        {
            coefficients[a] = beta[a];
            correlations[a] = rxy[a];
        }
        rSquared = Math.Clamp(beta.DotProduct(rxy), 0, 1);
        return true;
    }

    /// <summary>Writes each column's average ranks within the resample, centred, into the rows.</summary>
    private void Rank(int[]? counts)
    {
        var centre = (_runs + 1) / 2.0;
        for (var a = 0; a < _width; a++)
        {
            var order = _order[a];
            var tied = _tiedWithNext[a];
            var before = 0;
            var start = 0;
            while (start < _runs)
            {
                var end = start;
                var inGroup = 0;
                while (true)
                {
                    inGroup += counts is null ? 1 : counts[order[end]];
                    if (!tied[end])
                    {
                        break;
                    }
                    end++;
                }
                var rank = before + ((inGroup + 1) / 2.0) - centre;
                for (var r = start; r <= end; r++)
                {
                    _rows[(order[r] * _width) + a] = rank;
                }
                before += inGroup;
                start = end + 1;
            }
        }
    }

    private double Covariance(int a, int b, double total) =>
        (_cross[(a * _width) + b] / total) - (_sums[a] / total * (_sums[b] / total));
}
