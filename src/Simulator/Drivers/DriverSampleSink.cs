using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Drivers;

/// <summary>
/// Keeps, run by run, the sampled value of every uncertain input and every headline outcome, for the
/// global sensitivity computed once the runs are done. Only the first <see cref="MaxRuns"/> runs are kept,
/// so memory stays bounded (8 bytes per run per kept column) however long the experiment.
/// </summary>
public sealed class DriverSampleSink : IOutcomeSink
{
    /// <summary>The most runs kept: ranks over 100,000 runs already pin every correlation to ±0.01.</summary>
    public const int MaxRuns = 100_000;

    private readonly OutcomeSchema _schema;
    private readonly int _inputCount;
    private readonly List<double>[] _inputs;
    private readonly List<double>[] _outcomes;

    /// <summary>Keeps the inputs of <paramref name="schema"/> (its columns from <see cref="OutcomeSchema.InputStart"/>) and its headline outcomes.</summary>
    public DriverSampleSink(OutcomeSchema schema)
    {
        _schema = schema;
        _inputCount = schema.Count - schema.InputStart;
        Outcomes = [.. Enumerable.Range(0, schema.InputStart).Where(c => schema.Columns[c].Headline)];
        _inputs = [.. Enumerable.Range(0, _inputCount).Select(_ => new List<double>())];
        _outcomes = [.. Outcomes.Select(_ => new List<double>())];
    }

    /// <summary>The headline outcome columns kept, in schema order.</summary>
    public IReadOnlyList<int> Outcomes { get; }

    /// <summary>Runs kept.</summary>
    public int Runs => _inputs.Length > 0 ? _inputs[0].Count : (_outcomes.Length > 0 ? _outcomes[0].Count : 0);

    /// <summary>Each input's values, one array per input in column order, one value per kept run.</summary>
    public double[][] InputValues() => [.. _inputs.Select(v => v.ToArray())];

    /// <summary>The values of outcome <paramref name="i"/> of <see cref="Outcomes"/>, one per kept run.</summary>
    public double[] OutcomeValues(int i) => [.. _outcomes[i]];

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        if (count == 0)
        {
            return;
        }
        var width = outcomes.Length / count;
        for (var r = 0; r < count && Runs < MaxRuns; r++)
        {
            var row = outcomes.Slice(r * width, width);
            for (var j = 0; j < _inputCount; j++)
            {
                _inputs[j].Add(row[_schema.InputStart + j]);
            }
            for (var i = 0; i < Outcomes.Count; i++)
            {
                _outcomes[i].Add(row[Outcomes[i]]);
            }
        }
    }
}
