namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>
/// Supplies run r's uniforms from row r of a <see cref="SaltelliDesign"/>, and runs the model with intrinsic run
/// index r mod N: the runs A_j, B_j and A_B^(i)_j that share base row j then share the model's own random numbers,
/// so the differences f(A) − f(A_B^(i)) measure the inputs, not the model's noise. That noise is then part of the
/// outcome's variance that no input explains (it adds to neither index in expectation).
/// </summary>
public sealed class SaltelliInputDesign : IInputDesign
{
    private readonly SaltelliDesign _design;

    /// <summary>Adapts <paramref name="design"/>, whose columns are the scenario's inputs in path order.</summary>
    public SaltelliInputDesign(SaltelliDesign design) => _design = design;

    /// <inheritdoc />
    /// <remarks>Runs past the design's last row (the tail of the last block) get u = ½; they are never run.</remarks>
    public void Uniforms(ulong experimentSeed, long firstRun, int runs, IReadOnlyList<UncertainInput> inputs, Span<double> uniforms)
    {
        var k = inputs.Count;
        if (k != _design.InputCount)
        {
            throw new ArgumentException($"the design has {_design.InputCount} inputs but the scenario has {k}", nameof(inputs));
        }
        for (var r = 0; r < runs; r++)
        {
            var row = firstRun + r;
            var target = uniforms.Slice(r * k, k);
            if (row < _design.RowCount)
            {
                _design.Row((int)row).CopyTo(target);
            }
            else
            {
                target.Fill(0.5);
            }
        }
    }

    /// <inheritdoc />
    public long IntrinsicRun(long runIndex) => runIndex % _design.BaseSize;
}
