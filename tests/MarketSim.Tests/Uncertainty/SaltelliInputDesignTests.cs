using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Distributions;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Tests.Uncertainty;

/// <summary>The Saltelli adapter gives run r the design's row r, and the model's own randomness the index r mod N.</summary>
public class SaltelliInputDesignTests
{
    private static readonly UncertainInput[] Inputs =
    [
        new("a", InputDistributions.Uniform(0, 1), false, "fraction"),
        new("b", InputDistributions.Uniform(0, 1), false, "fraction"),
        new("c", InputDistributions.Uniform(0, 1), false, "fraction"),
    ];

    [Fact]
    public void Run_r_gets_the_uniforms_of_design_row_r_whatever_block_it_is_asked_in()
    {
        var spec = new SobolDesignSpec(BaseSize: 300, Seed: 5);
        var design = spec.Create(Inputs);
        var sampler = new InputSampler(Inputs, new SaltelliInputDesign(design));

        // (3 + 2)·300 = 1500 rows span two blocks of 1024 runs; ask out of order.
        foreach (var r in new[] { 1499, 0, 1023, 1024, 299, 300, 600, 1200 })
        {
            var values = sampler.ValuesOf(99, r).ToArray();
            Assert.Equal(design.Row(r).ToArray(), values);
        }
    }

    [Fact]
    public void Runs_that_share_a_base_row_share_the_intrinsic_run_index()
    {
        var design = new SaltelliInputDesign(new SobolDesignSpec(64, 5).Create(Inputs));

        for (var j = 0; j < 64; j++)
        {
            Assert.Equal(j, design.IntrinsicRun(j));
            Assert.Equal(j, design.IntrinsicRun(64 + j));
            Assert.Equal(j, design.IntrinsicRun((4 * 64) + j));
        }
        Assert.Equal(17, ((IInputDesign)IndependentDesign.Instance).IntrinsicRun(17));
    }

    [Fact]
    public void Rows_past_the_design_get_one_half()
    {
        var design = new SaltelliInputDesign(new SobolDesignSpec(2, 5).Create(Inputs));
        var uniforms = new double[3 * 3];

        design.Uniforms(1, 9, 3, Inputs, uniforms);

        Assert.Equal(new SobolDesignSpec(2, 5).Create(Inputs).Row(9).ToArray(), uniforms[..3]);
        Assert.All(uniforms[3..], u => Assert.Equal(0.5, u));
    }

    [Fact]
    public void A_compiled_scenario_under_a_design_uses_row_r_and_gives_equal_outcomes_to_runs_whose_inputs_and_base_row_agree()
    {
        var (loaded, problems) = ScenarioLoader.ParseUncertain(SobolSensitivityTests.TwoInputs, "two.yaml");
        Assert.True(loaded is not null, string.Join("; ", problems.Select(p => p.Message)));
        var spec = new SobolDesignSpec(16, 3);
        var compiled = ScenarioCompiler.Compile(loaded, spec);
        var design = spec.Create(loaded.Inputs);
        var model = compiled.NewModel();
        var start = compiled.Schema.InputStart;
        var row = new double[compiled.Schema.Stride];
        var other = new double[compiled.Schema.Stride];
        var shockWeek = loaded.Inputs.ToList().FindIndex(i => i.Path == "shocks[0].week");

        for (var j = 0; j < 16; j++)
        {
            // A_B^(shock week)_j differs from A_j only in the shock's week, whose surge multiplies demand by 1.
            model.Run(8, design.RowOfA(j), row);
            model.Run(8, design.RowOfAB(shockWeek, j), other);

            for (var i = 0; i < loaded.Inputs.Count; i++)
            {
                Assert.Equal(loaded.Inputs[i].Used(loaded.Inputs[i].Distribution.Quantile(design[design.RowOfAB(shockWeek, j), i])), other[start + i]);
            }
            Assert.Equal(row.AsSpan(0, start).ToArray(), other.AsSpan(0, start).ToArray());
        }
    }
}
