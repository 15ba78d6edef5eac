using MarketSim.Grains.Uncertainty.Correlation;
using MathNet.Numerics.LinearAlgebra;

namespace MarketSim.Tests.Uncertainty;

public class RankCorrelationMatrixTests
{
    private static readonly string[] Names = ["growth", "turnover", "wages"];

    private static RankCorrelationMatrix Impossible() => RankCorrelationMatrix.FromPairs(Names,
    [
        new("growth", "turnover", 0.9),
        new("growth", "wages", 0.9),
        new("turnover", "wages", -0.9),
    ]);

    [Fact]
    public void Pairs_fill_a_symmetric_matrix_with_unit_diagonal_and_zeros_elsewhere()
    {
        var m = RankCorrelationMatrix.FromPairs(Names, [new("wages", "growth", 0.3)]);

        Assert.Equal(0.3, m["growth", "wages"]);
        Assert.Equal(0.3, m[2, 0]);
        Assert.Equal(0.0, m["growth", "turnover"]);
        Assert.Equal(1.0, m[1, 1]);
        Assert.True(m.IsPositiveSemiDefinite());
    }

    [Fact]
    public void Bad_pairs_are_all_reported_naming_the_inputs()
    {
        var error = Assert.Throws<ArgumentException>(() => RankCorrelationMatrix.FromPairs(Names,
        [
            new("growth", "inflation", 0.5),
            new("growth", "turnover", 1.2),
            new("wages", "turnover", 0.1),
            new("turnover", "wages", 0.2),
            new("wages", "wages", 0.5),
        ]));

        Assert.Contains("'inflation' is not an uncertain input (known: growth, turnover, wages)", error.Message);
        Assert.Contains("rho(growth, turnover) = 1.2 is outside the allowed range [-1, 1]", error.Message);
        Assert.Contains("rho(turnover, wages) is given twice, as 0.1 and 0.2", error.Message);
        Assert.Contains("rho(wages, wages) = 0.5", error.Message);
    }

    [Fact]
    public void A_full_matrix_must_be_symmetric_with_unit_diagonal()
    {
        var error = Assert.Throws<ArgumentException>(() => RankCorrelationMatrix.FromMatrix(Names, new double[,]
        {
            { 1, 0.5, 0 },
            { 0.4, 0.9, 0 },
            { 0, 0, 1 },
        }));

        Assert.Contains("rho(growth, turnover) = 0.5 but rho(turnover, growth) = 0.4", error.Message);
        Assert.Contains("rho(turnover, turnover) = 0.9: the diagonal must be 1", error.Message);
    }

    [Fact]
    public void A_matrix_no_distribution_can_have_is_detected()
    {
        var m = Impossible();

        // Hand-worked: eigenvalues of [[1, .9, .9], [.9, 1, -.9], [.9, -.9, 1]] are 1.9, 1.9 and -0.8.
        Assert.False(m.IsPositiveSemiDefinite());
        Assert.Equal(-0.8, m.SmallestEigenvalue, 12);
    }

    [Fact]
    public void The_repair_of_the_symmetric_example_is_the_hand_worked_nearest_matrix()
    {
        // Eigenvector of -0.8 is (1, -1, -1)/sqrt(3); every valid matrix of the form (a, a, -a) needs
        // 1 - 2a >= 0, so the nearest is a = 0.5.
        var repair = Impossible().NearestValid();

        Assert.Equal(0.5, repair.Repaired["growth", "turnover"], 6);
        Assert.Equal(0.5, repair.Repaired["growth", "wages"], 6);
        Assert.Equal(-0.5, repair.Repaired["turnover", "wages"], 6);
        Assert.Equal(Math.Sqrt(6 * 0.4 * 0.4), repair.FrobeniusChange, 6);
        AssertValid(repair.Repaired);
    }

    [Fact]
    public void The_repair_is_a_valid_correlation_matrix_closer_than_eigenvalue_clipping()
    {
        string[] names = ["a", "b", "c", "d"];
        var requested = RankCorrelationMatrix.FromPairs(names,
        [
            new("a", "b", 0.9), new("a", "c", 0.7), new("b", "c", -0.6),
            new("a", "d", 0.3), new("b", "d", 0.1), new("c", "d", 0.5),
        ]);
        Assert.False(requested.IsPositiveSemiDefinite());

        var repair = requested.NearestValid();

        AssertValid(repair.Repaired);
        var distance = (repair.Repaired.ToMatrix() - requested.ToMatrix()).FrobeniusNorm();
        Assert.Equal(distance, repair.FrobeniusChange, 12);
        var naive = NaiveRepairDistance(requested.ToMatrix());
        Assert.True(distance < naive - 1e-3, $"Higham moved {distance:0.0000}, clipping {naive:0.0000}");
        Assert.True(repair.Iterations > 0);
    }

    private static void AssertValid(RankCorrelationMatrix m)
    {
        Assert.True(m.IsPositiveSemiDefinite(0));
        for (var i = 0; i < m.Count; i++)
        {
            Assert.Equal(1.0, m[i, i]);
            for (var j = 0; j < m.Count; j++)
            {
                Assert.Equal(m[i, j], m[j, i]);
            }
        }
    }

    [Fact]
    public void The_repair_reports_each_move_by_input_names_largest_first()
    {
        var repair = Impossible().NearestValid();

        Assert.Equal(3, repair.Changes.Count);
        var largest = repair.LargestMove!.Value;
        Assert.Equal(repair.LargestChange, Math.Abs(largest.To - largest.From));
        Assert.True(repair.Changes.Zip(repair.Changes.Skip(1)).All(p => p.First.Size >= p.Second.Size));
        var turnoverWages = repair.Changes.Single(c => c.First == "turnover" && c.Second == "wages");
        Assert.Equal(-0.9, turnoverWages.From);
        Assert.True(turnoverWages.To > -0.9);
    }

    [Fact]
    public void A_valid_matrix_is_not_moved()
    {
        var m = RankCorrelationMatrix.FromPairs(Names, [new("growth", "turnover", 0.7), new("growth", "wages", -0.4)]);

        var repair = m.NearestValid();

        Assert.Equal(0, repair.FrobeniusChange);
        Assert.Equal(0, repair.LargestChange);
        Assert.Equal(0, repair.Iterations);
    }

    /// <summary>The naive alternative: clip negative eigenvalues to zero, then rescale to unit diagonal.</summary>
    private static double NaiveRepairDistance(Matrix<double> a)
    {
        var evd = a.Evd(Symmetricity.Symmetric);
        var clipped = evd.EigenVectors
            * Matrix<double>.Build.DiagonalOfDiagonalVector(evd.EigenValues.Real().Map(v => Math.Max(v, 0)))
            * evd.EigenVectors.Transpose();
        var d = clipped.Diagonal();
        var rescaled = Matrix<double>.Build.Dense(a.RowCount, a.RowCount, (i, j) => clipped[i, j] / Math.Sqrt(d[i] * d[j]));
        return (rescaled - a).FrobeniusNorm();
    }
}
