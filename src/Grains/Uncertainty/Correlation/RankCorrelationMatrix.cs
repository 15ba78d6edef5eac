using MathNet.Numerics.LinearAlgebra;

namespace MarketSim.Grains.Uncertainty.Correlation;

/// <summary>
/// A symmetric matrix of target rank (Spearman) correlations over named uncertain inputs, with unit
/// diagonal and every entry in [−1, 1]. It need not be positive semi-definite: check
/// <see cref="IsPositiveSemiDefinite"/> and repair with <see cref="NearestValid"/>. Immutable.
/// </summary>
public sealed class RankCorrelationMatrix
{
    /// <summary>Eigenvalues above −this count as non-negative in <see cref="IsPositiveSemiDefinite"/>.</summary>
    public const double EigenvalueTolerance = 1e-10;

    private const double SymmetryTolerance = 1e-12;
    private readonly double[,] _rho;

    private RankCorrelationMatrix(string[] names, double[,] rho)
    {
        InputNames = names;
        _rho = rho;
    }

    /// <summary>The inputs, in the order of the rows and columns.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The number of inputs k.</summary>
    public int Count => InputNames.Count;

    /// <summary>The target rank correlation between inputs <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double this[int i, int j] => _rho[i, j];

    /// <summary>The target rank correlation between two named inputs.</summary>
    public double this[string first, string second] => _rho[IndexOf(first), IndexOf(second)];

    /// <summary>The smallest eigenvalue: negative when no joint distribution can have these correlations.</summary>
    public double SmallestEigenvalue => ToMatrix().Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum();

    /// <summary>
    /// Builds the matrix over <paramref name="inputNames"/> from listed pairs; unlisted pairs are 0.
    /// Throws <see cref="ArgumentException"/> listing every problem (unknown or repeated names,
    /// |rho| &gt; 1, a pair listed twice with different values, rho(a, a) ≠ 1), each naming the inputs.
    /// </summary>
    public static RankCorrelationMatrix FromPairs(IReadOnlyList<string> inputNames, IEnumerable<RankCorrelationPair> pairs)
    {
        var names = CheckNames(inputNames);
        var k = names.Length;
        var rho = Identity(k);
        var listed = new bool[k, k];
        var problems = new List<string>();
        foreach (var (first, second, value) in pairs)
        {
            var i = Array.IndexOf(names, first);
            var j = Array.IndexOf(names, second);
            if (i < 0 || j < 0)
            {
                var unknown = i < 0 ? first : second;
                problems.Add($"rho({first}, {second}): '{unknown}' is not an uncertain input (known: {string.Join(", ", names)})");
                continue;
            }
            if (!double.IsFinite(value) || Math.Abs(value) > 1)
            {
                problems.Add($"rho({first}, {second}) = {value} is outside the allowed range [-1, 1]");
                continue;
            }
            if (i == j)
            {
                if (value != 1)
                {
                    problems.Add($"rho({first}, {first}) = {value}: an input's correlation with itself must be 1");
                }
                continue;
            }
            if (listed[i, j] && rho[i, j] != value)
            {
                problems.Add($"rho({first}, {second}) is given twice, as {rho[i, j]} and {value}");
                continue;
            }
            listed[i, j] = listed[j, i] = true;
            rho[i, j] = rho[j, i] = value;
        }
        ThrowIfAny(problems);
        return new RankCorrelationMatrix(names, rho);
    }

    /// <summary>
    /// Builds the matrix from a full k×k array whose rows and columns follow <paramref name="inputNames"/>.
    /// Throws <see cref="ArgumentException"/> listing every entry that is not symmetric, not 1 on the
    /// diagonal or outside [−1, 1], each naming the inputs.
    /// </summary>
    public static RankCorrelationMatrix FromMatrix(IReadOnlyList<string> inputNames, double[,] values)
    {
        var names = CheckNames(inputNames);
        var k = names.Length;
        if (values.GetLength(0) != k || values.GetLength(1) != k)
        {
            throw new ArgumentException(
                $"the correlation matrix is {values.GetLength(0)}×{values.GetLength(1)} but there are {k} inputs ({string.Join(", ", names)})",
                nameof(values));
        }
        var problems = new List<string>();
        var rho = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            if (Math.Abs(values[i, i] - 1) > SymmetryTolerance)
            {
                problems.Add($"rho({names[i]}, {names[i]}) = {values[i, i]}: the diagonal must be 1");
            }
            rho[i, i] = 1;
            for (var j = i + 1; j < k; j++)
            {
                double upper = values[i, j], lower = values[j, i];
                if (!double.IsFinite(upper) || Math.Abs(upper) > 1)
                {
                    problems.Add($"rho({names[i]}, {names[j]}) = {upper} is outside the allowed range [-1, 1]");
                }
                else if (Math.Abs(upper - lower) > SymmetryTolerance)
                {
                    problems.Add($"rho({names[i]}, {names[j]}) = {upper} but rho({names[j]}, {names[i]}) = {lower}: the matrix must be symmetric");
                }
                rho[i, j] = rho[j, i] = upper;
            }
        }
        ThrowIfAny(problems);
        return new RankCorrelationMatrix(names, rho);
    }

    /// <summary>
    /// True when every eigenvalue is at least −<paramref name="tolerance"/>, that is when some joint
    /// distribution can have these rank correlations.
    /// </summary>
    public bool IsPositiveSemiDefinite(double tolerance = EigenvalueTolerance) => SmallestEigenvalue >= -tolerance;

    /// <summary>
    /// The nearest valid correlation matrix in the Frobenius norm, by Higham's (2002) alternating
    /// projections with Dykstra's correction (unit weights), then a floor of
    /// <paramref name="minimumEigenvalue"/> on the eigenvalues and a rescale to unit diagonal so the
    /// result is positive definite (Cholesky works on it). A matrix that is already positive definite
    /// comes back unchanged. Reports the Frobenius norm of the change and every pair's move.
    /// </summary>
    public CorrelationRepair NearestValid(double minimumEigenvalue = 1e-8, int maxIterations = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumEigenvalue);
        var a = ToMatrix();
        if (SmallestEigenvalue >= minimumEigenvalue)
        {
            return Describe(this, 0);
        }
        var y = a.Clone();
        var correction = Matrix<double>.Build.Dense(Count, Count);
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            var r = y - correction;
            var x = ClipEigenvalues(r, 0);
            correction = x - r;
            var next = x.Clone();
            next.SetDiagonal(Vector<double>.Build.Dense(Count, 1.0));
            var step = (next - y).FrobeniusNorm();
            y = next;
            if (step <= 1e-13 * Math.Max(1, y.FrobeniusNorm()))
            {
                break;
            }
        }
        var repaired = ToUnitDiagonal(ClipEigenvalues(y, minimumEigenvalue));
        return Describe(new RankCorrelationMatrix([.. InputNames], repaired.ToArray()), iterations);
    }

    /// <summary>The position of a named input; throws naming the input when unknown.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (InputNames[i] == name)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{name}' is not an uncertain input (known: {string.Join(", ", InputNames)})", nameof(name));
    }

    /// <summary>A copy as a MathNet matrix.</summary>
    public Matrix<double> ToMatrix() => Matrix<double>.Build.DenseOfArray(_rho);

    private CorrelationRepair Describe(RankCorrelationMatrix repaired, int iterations)
    {
        var changes = new List<CorrelationChange>();
        var sumSquares = 0.0;
        for (var i = 0; i < Count; i++)
        {
            for (var j = 0; j < Count; j++)
            {
                var d = repaired[i, j] - _rho[i, j];
                sumSquares += d * d;
                if (j > i)
                {
                    changes.Add(new CorrelationChange(InputNames[i], InputNames[j], _rho[i, j], repaired[i, j]));
                }
            }
        }
        var ordered = changes.OrderByDescending(c => c.Size).ToArray();
        return new CorrelationRepair(this, repaired, Math.Sqrt(sumSquares), ordered, iterations);
    }

    private static Matrix<double> ClipEigenvalues(Matrix<double> m, double floor)
    {
        var evd = m.Evd(Symmetricity.Symmetric);
        var q = evd.EigenVectors;
        var clipped = evd.EigenValues.Real().Map(v => Math.Max(v, floor));
        var result = q * Matrix<double>.Build.DiagonalOfDiagonalVector(clipped) * q.Transpose();
        return (result + result.Transpose()) * 0.5;
    }

    private static Matrix<double> ToUnitDiagonal(Matrix<double> m)
    {
        var scale = m.Diagonal().Map(d => 1 / Math.Sqrt(d));
        var result = Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount);
        for (var i = 0; i < m.RowCount; i++)
        {
            result[i, i] = 1;
            for (var j = i + 1; j < m.ColumnCount; j++)
            {
                result[i, j] = result[j, i] = m[i, j] * scale[i] * scale[j];
            }
        }
        return result;
    }

    private static string[] CheckNames(IReadOnlyList<string> inputNames)
    {
        var names = inputNames.ToArray();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            throw new ArgumentException($"input names must be unique; repeated: {string.Join(", ", repeated)}", nameof(inputNames));
        }
        return names;
    }

    private static double[,] Identity(int k)
    {
        var rho = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            rho[i, i] = 1;
        }
        return rho;
    }

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }
    }
}
