namespace MarketSim.Grains.Uncertainty;

/// <summary>
/// The values of a scenario's uncertain inputs run by run: uniforms from an <see cref="IInputDesign"/>,
/// values F⁻¹(u), then an optional <see cref="IInputBlockTransform"/> over each block of
/// <see cref="BlockRuns"/> runs, then rounding of whole-number fields. One instance serves one thread:
/// it keeps the last block it computed.
/// </summary>
public sealed class InputSampler
{
    /// <summary>Runs per block: run r's inputs are computed with those of block r / BlockRuns.</summary>
    public const int BlockRuns = 1024;

    private readonly IInputDesign _design;
    private readonly IInputBlockTransform? _transform;
    private readonly double[] _block;
    private long _cachedBlock = -1;
    private ulong _cachedSeed;

    /// <summary>Samples <paramref name="inputs"/> (sorted by path) with <paramref name="design"/> (default independent) and <paramref name="transform"/> (default none).</summary>
    public InputSampler(IReadOnlyList<UncertainInput> inputs, IInputDesign? design = null, IInputBlockTransform? transform = null)
    {
        Inputs = inputs;
        _design = design ?? IndependentDesign.Instance;
        _transform = transform;
        _block = new double[BlockRuns * inputs.Count];
    }

    /// <summary>Where the uniforms come from; it also fixes each run's intrinsic index.</summary>
    public IInputDesign Design => _design;

    /// <summary>The inputs, in column order.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>The values used in run <paramref name="runIndex"/>, one per input; valid until the next call.</summary>
    public ReadOnlySpan<double> ValuesOf(ulong experimentSeed, long runIndex)
    {
        var block = runIndex / BlockRuns;
        if (block != _cachedBlock || experimentSeed != _cachedSeed)
        {
            SampleBlock(experimentSeed, block, _block);
            _cachedBlock = block;
            _cachedSeed = experimentSeed;
        }
        var k = Inputs.Count;
        return _block.AsSpan((int)(runIndex % BlockRuns) * k, k);
    }

    /// <summary>Fills <paramref name="values"/> (BlockRuns × k, row-major) with the values used in block <paramref name="block"/>.</summary>
    public void SampleBlock(ulong experimentSeed, long block, Span<double> values)
    {
        var k = Inputs.Count;
        _design.Uniforms(experimentSeed, block * BlockRuns, BlockRuns, Inputs, values);
        for (var i = 0; i < BlockRuns * k; i++)
        {
            values[i] = Inputs[i % k].Distribution.Quantile(values[i]);
        }
        _transform?.Apply(experimentSeed, block, Inputs, values);
        for (var i = 0; i < BlockRuns * k; i++)
        {
            values[i] = Inputs[i % k].Used(values[i]);
        }
    }
}
