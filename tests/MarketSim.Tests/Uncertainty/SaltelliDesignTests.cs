using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Tests.Uncertainty;

public class SaltelliDesignTests
{
    private static readonly string[] Names = ["growth", "turnover", "wages"];

    [Fact]
    public void Rows_are_A_then_B_then_A_with_one_column_from_B_per_input()
    {
        var design = SaltelliDesign.Create(Names, 64, 3);

        Assert.Equal(5 * 64, design.RowCount);
        for (var j = 0; j < 64; j++)
        {
            Assert.Equal(j, design.RowOfA(j));
            Assert.Equal(64 + j, design.RowOfB(j));
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal((2 + i) * 64 + j, design.RowOfAB(i, j));
                for (var c = 0; c < 3; c++)
                {
                    var source = c == i ? design.RowOfB(j) : design.RowOfA(j);
                    Assert.Equal(design[source, c], design[design.RowOfAB(i, j), c]);
                }
            }
            Assert.NotEqual(design[design.RowOfA(j), 0], design[design.RowOfB(j), 0]);
        }
    }

    [Fact]
    public void Uniforms_are_inside_the_open_interval_with_mean_one_half()
    {
        const int baseSize = 4096;
        var design = SaltelliDesign.Create(Names, baseSize, 11);

        var values = Enumerable.Range(0, 2 * baseSize).SelectMany(r => design.Row(r).ToArray()).ToArray();

        Assert.All(values, u => Assert.True(u > 0 && u < 1));
        // Mean of U(0, 1) is 1/2 with SE sqrt(1/12 / m).
        var se = Math.Sqrt(1.0 / 12 / values.Length);
        Assert.InRange(values.Average(), 0.5 - (4 * se), 0.5 + (4 * se));
    }

    [Fact]
    public void The_same_seed_gives_the_same_design()
    {
        var first = SaltelliDesign.Create(Names, 100, 42);
        var second = SaltelliDesign.Create(Names, 100, 42);
        var other = SaltelliDesign.Create(Names, 100, 43);

        var rows = Enumerable.Range(0, first.RowCount).ToArray();
        Assert.Equal(rows.SelectMany(r => first.Row(r).ToArray()), rows.SelectMany(r => second.Row(r).ToArray()));
        Assert.NotEqual(first[0, 0], other[0, 0]);
    }

    [Fact]
    public void A_base_size_below_two_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SaltelliDesign.Create(Names, 1, 1));

        Assert.Contains("base size N is 1", error.Message);
    }
}
