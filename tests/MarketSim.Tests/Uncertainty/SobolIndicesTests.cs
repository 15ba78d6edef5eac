using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Tests.Uncertainty;

public class SobolIndicesTests
{
    private const double A = 7, B = 0.1;

    /// <summary>The Ishigami function with inputs mapped from uniforms on (0, 1) to [−π, π].</summary>
    private static double[] Ishigami(SaltelliDesign design)
    {
        var y = new double[design.RowCount];
        for (var r = 0; r < design.RowCount; r++)
        {
            var row = design.Row(r);
            double x1 = Math.PI * ((2 * row[0]) - 1), x2 = Math.PI * ((2 * row[1]) - 1), x3 = Math.PI * ((2 * row[2]) - 1);
            y[r] = Math.Sin(x1) + (A * Math.Pow(Math.Sin(x2), 2)) + (B * Math.Pow(x3, 4) * Math.Sin(x1));
        }
        return y;
    }

    [Fact]
    public void Ishigami_indices_match_their_closed_forms_within_the_bootstrap_intervals()
    {
        // Closed forms (Ishigami and Homma 1990; Sobol' 1999): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
        // V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225; S1 ≈ 0.3139, S2 ≈ 0.4424, S3 = 0,
        // ST1 ≈ 0.5576, ST2 ≈ 0.4424, ST3 ≈ 0.2437.
        var pi4 = Math.Pow(Math.PI, 4);
        var pi8 = pi4 * pi4;
        var v = (A * A / 8) + (B * pi4 / 5) + (B * B * pi8 / 18) + 0.5;
        var v1 = Math.Pow(1 + (B * pi4 / 5), 2) / 2;
        var v2 = A * A / 8;
        var v13 = 8 * B * B * pi8 / 225;
        double[] first = [v1 / v, v2 / v, 0];
        double[] total = [(v1 + v13) / v, v2 / v, v13 / v];
        Assert.Equal(0.3139, first[0], 4);
        Assert.Equal(0.2437, total[2], 4);
        var design = SaltelliDesign.Create(["x1", "x2", "x3"], 4096, 2026);

        var y = Ishigami(design);

        var result = SobolIndices.Estimate(design, y, bootstrapSeed: 7);

        // V is the variance of the 2N independent rows of A and B. The SE of a sample variance is √((μ4 − σ⁴)/m) over
        // m draws, with the fourth central moment μ4 and σ² estimated from the same draws (the Ishigami output is far
        // from normal, so the normal-theory √(2/(m − 1)) σ² would not do); within 4 SE, as every Monte Carlo check.
        var ab = y.Take(2 * design.BaseSize).ToArray();
        var mean = ab.Average();
        var m2 = ab.Average(x => (x - mean) * (x - mean));
        var m4 = ab.Average(x => Math.Pow(x - mean, 4));
        var varianceSe = Math.Sqrt((m4 - (m2 * m2)) / ab.Length);
        Assert.InRange(result.OutcomeVariance, v - (4 * varianceSe), v + (4 * varianceSe));
        for (var i = 0; i < 3; i++)
        {
            var index = result.Inputs[i];
            Assert.True(index.FirstOrderInterval.Contains(first[i]),
                $"S{i + 1} {index.FirstOrder:0.0000} in [{index.FirstOrderInterval.Low:0.0000}, {index.FirstOrderInterval.High:0.0000}], closed form {first[i]:0.0000}");
            Assert.True(index.TotalInterval.Contains(total[i]),
                $"ST{i + 1} {index.Total:0.0000} in [{index.TotalInterval.Low:0.0000}, {index.TotalInterval.High:0.0000}], closed form {total[i]:0.0000}");
        }
    }

    [Fact]
    public void An_additive_model_has_equal_first_order_and_total_indices_in_its_coefficients_squared()
    {
        // y = 3 u1 + u2 + 0 u3 with independent uniforms: S1 = 9/10, S2 = 1/10, S3 = 0 and no
        // interactions, so S_Ti = S_i; Jansen's estimator of ST3 is exactly 0 when u3 has no effect.
        var design = SaltelliDesign.Create(["u1", "u2", "u3"], 2048, 5);
        var y = Enumerable.Range(0, design.RowCount).Select(r => (3 * design[r, 0]) + design[r, 1]).ToArray();

        var result = SobolIndices.Estimate(design, y, bootstrapSeed: 3);

        double[] expected = [0.9, 0.1, 0];
        for (var i = 0; i < 3; i++)
        {
            Assert.True(result.Inputs[i].FirstOrderInterval.Contains(expected[i]), $"S{i + 1} {result.Inputs[i].FirstOrderInterval}");
            Assert.True(result.Inputs[i].TotalInterval.Contains(expected[i]) || expected[i] == 0, $"ST{i + 1} {result.Inputs[i].TotalInterval}");
        }
        Assert.Equal(0, result.Inputs[2].Total);
        Assert.Equal(0, result.Inputs[2].FirstOrder, 12);
    }

    [Fact]
    public void The_same_seeds_give_identical_indices()
    {
        var design = SaltelliDesign.Create(["x1", "x2", "x3"], 512, 9);
        var y = Ishigami(design);

        var first = SobolIndices.Estimate(design, y, bootstrapSeed: 4);
        var second = SobolIndices.Estimate(SaltelliDesign.Create(["x1", "x2", "x3"], 512, 9), Ishigami(design), bootstrapSeed: 4);

        Assert.Equal(first.Inputs, second.Inputs);
        Assert.Equal(first.OutcomeVariance, second.OutcomeVariance);
    }

    [Fact]
    public void Outcomes_must_match_the_design_and_be_finite()
    {
        var design = SaltelliDesign.Create(["x1", "x2"], 10, 1);
        var y = new double[design.RowCount];
        y[7] = double.NaN;

        var wrongLength = Assert.Throws<ArgumentException>(() => SobolIndices.Estimate(design, new double[5]));
        var notFinite = Assert.Throws<ArgumentException>(() => SobolIndices.Estimate(design, y));

        Assert.Contains("40 runs", wrongLength.Message);
        Assert.Contains("run 7 is NaN", notFinite.Message);
    }
}
