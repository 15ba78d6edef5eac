using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Distributions;

namespace MarketSim.Tests.Uncertainty;

/// <summary>The sampler gives each run's input values as a pure function of (seed, run index, path).</summary>
public class InputSamplerTests
{
    private static UncertainInput Input(string path, InputDistribution d, bool whole = false) => new(path, d, whole, "fraction");

    private static readonly UncertainInput Growth = Input("zones.north.demand.annual_growth", InputDistributions.Triangular(0.01, 0.02, 0.04));
    private static readonly UncertainInput Week = Input("shocks[0].week", InputDistributions.Uniform(10, 30), whole: true);

    [Fact]
    public void Same_seed_and_path_give_the_same_values_whatever_order_runs_are_asked_in()
    {
        var runs = new long[] { 3000, 5, 1023, 1024, 2047, 0, 77 };
        var sequential = new InputSampler([Growth, Week]);
        var expected = Enumerable.Range(0, 3100).Select(r => sequential.ValuesOf(9, r).ToArray()).ToArray();
        var jumping = new InputSampler([Growth, Week]);

        foreach (var r in runs)
        {
            Assert.Equal(expected[r], jumping.ValuesOf(9, r).ToArray());
        }
    }

    [Fact]
    public void An_input_draws_the_same_values_whatever_other_inputs_the_scenario_has()
    {
        var alone = new InputSampler([Growth]);
        var withOthers = new InputSampler([Input("economy.cpi.annual_rate", InputDistributions.Normal(0.02, 0.01)), Week, Growth]);

        for (var r = 0; r < 2000; r += 37)
        {
            Assert.Equal(alone.ValuesOf(4, r)[0], withOthers.ValuesOf(4, r)[2]);
        }
    }

    [Fact]
    public void Different_seeds_and_paths_give_different_draws()
    {
        var sampler = new InputSampler([Growth, Input("zones.south.demand.annual_growth", Growth.Distribution)]);

        Assert.NotEqual(sampler.ValuesOf(1, 0)[0], sampler.ValuesOf(1, 0)[1]);
        Assert.NotEqual(sampler.ValuesOf(1, 0)[0], sampler.ValuesOf(2, 0)[0]);
    }

    [Fact]
    public void Whole_number_fields_get_the_draw_rounded_to_the_nearest_integer()
    {
        var unrounded = new InputSampler([Week with { WholeNumber = false }]);
        var rounded = new InputSampler([Week]);

        for (var r = 0; r < 500; r++)
        {
            var x = unrounded.ValuesOf(3, r)[0];
            Assert.Equal(Math.Round(x, MidpointRounding.AwayFromZero), rounded.ValuesOf(3, r)[0]);
        }
    }

    [Fact]
    public void A_block_transform_sees_whole_blocks_of_1024_runs_and_its_reordering_reaches_the_runs()
    {
        var plain = new InputSampler([Growth, Week]);
        var reversed = new InputSampler([Growth, Week], transform: new ReverseFirstColumn());

        for (var r = 1024; r < 2048; r += 101)
        {
            var mirror = 1024 + (2047 - r);
            Assert.Equal(plain.ValuesOf(5, mirror)[0], reversed.ValuesOf(5, r)[0]);
            Assert.Equal(plain.ValuesOf(5, r)[1], reversed.ValuesOf(5, r)[1]);
        }
    }

    [Fact]
    public void A_design_can_supply_the_uniforms()
    {
        var sampler = new InputSampler([Growth], design: new Midpoints());

        Assert.Equal(Growth.Distribution.Quantile(0.5 / 1024), sampler.ValuesOf(1, 0)[0]);
        Assert.Equal(Growth.Distribution.Quantile(1023.5 / 1024), sampler.ValuesOf(1, 1023)[0]);
    }

    [Theory]
    [InlineData("zones.dn1.demand.annual_growth", "input_zones_dn1_demand_annual_growth")]
    [InlineData("economy.nlw_gbp_per_hour[2]", "input_economy_nlw_gbp_per_hour_2")]
    [InlineData("shocks[0].week", "input_shocks_0_week")]
    public void Column_names_are_input_and_the_path_in_snake_case(string path, string column) =>
        Assert.Equal(column, UncertainInput.ColumnOf(path));

    private sealed class ReverseFirstColumn : IInputBlockTransform
    {
        public void Apply(ulong experimentSeed, long block, IReadOnlyList<UncertainInput> inputs, Span<double> values)
        {
            var k = inputs.Count;
            Assert.Equal(InputSampler.BlockRuns * k, values.Length);
            for (int i = 0, j = InputSampler.BlockRuns - 1; i < j; i++, j--)
            {
                (values[i * k], values[j * k]) = (values[j * k], values[i * k]);
            }
        }
    }

    private sealed class Midpoints : IInputDesign
    {
        public void Uniforms(ulong experimentSeed, long firstRun, int runs, IReadOnlyList<UncertainInput> inputs, Span<double> uniforms)
        {
            for (var r = 0; r < runs; r++)
            {
                uniforms[r] = (r + 0.5) / runs;
            }
        }
    }
}
