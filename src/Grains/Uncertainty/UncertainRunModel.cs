using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Uncertainty;

/// <summary>
/// Runs a scenario with uncertain inputs: for each run, samples the inputs, builds the model of the scenario
/// with those values, runs it, and writes its row with the sampled values inserted after the scalar outcome
/// columns (where <see cref="OutcomeSchema.InputStart"/> says). One instance serves one thread.
/// </summary>
public sealed class UncertainRunModel : IRunModel
{
    private readonly InputSampler _sampler;
    private readonly Func<double[], IRunModel> _modelOf;
    private readonly int _inputStart;
    private readonly double[] _values;
    private double[] _row = [];

    /// <summary>Creates it; <paramref name="modelOf"/> builds the fixed-value model for one run's input values.</summary>
    public UncertainRunModel(InputSampler sampler, Func<double[], IRunModel> modelOf, OutcomeSchema schema)
    {
        _sampler = sampler;
        _modelOf = modelOf;
        _inputStart = schema.InputStart;
        OutcomeCount = schema.Stride;
        _values = new double[sampler.Inputs.Count];
    }

    /// <inheritdoc />
    public int OutcomeCount { get; }

    /// <inheritdoc />
    public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
    {
        _sampler.ValuesOf(experimentSeed, runIndex).CopyTo(_values);
        var model = _modelOf(_values);
        if (_row.Length != model.OutcomeCount)
        {
            _row = new double[model.OutcomeCount];
        }
        model.Run(experimentSeed, _sampler.Design.IntrinsicRun(runIndex), _row);
        var k = _values.Length;
        _row.AsSpan(0, _inputStart).CopyTo(outcomes);
        _values.CopyTo(outcomes[_inputStart..]);
        _row.AsSpan(_inputStart).CopyTo(outcomes[(_inputStart + k)..]);
    }
}
