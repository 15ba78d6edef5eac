namespace MarketSim.Grains.Uncertainty.Correlation;

/// <summary>
/// Induces a scenario's rank correlations block by block: for each block of <see cref="InputSampler.BlockRuns"/>
/// runs, reorders the correlated inputs' columns with <see cref="ImanConover.Reorder"/> and leaves the
/// other inputs as drawn. A pure function of the block's values, so results do not depend on threads or batches.
/// </summary>
/// <param name="target">The rank correlations to induce (positive semi-definite), over inputs named by path.</param>
public sealed class ImanConoverTransform(RankCorrelationMatrix target) : IInputBlockTransform
{
    /// <summary>The rank correlations induced.</summary>
    public RankCorrelationMatrix Target { get; } = target;

    /// <inheritdoc />
    public void Apply(ulong experimentSeed, long block, IReadOnlyList<UncertainInput> inputs, Span<double> values)
    {
        var k = inputs.Count;
        var n = values.Length / k;
        var columns = Target.InputNames.Select(name => ColumnOf(inputs, name)).ToArray();
        var samples = new double[columns.Length][];
        for (var c = 0; c < columns.Length; c++)
        {
            samples[c] = new double[n];
            for (var r = 0; r < n; r++)
            {
                samples[c][r] = values[(r * k) + columns[c]];
            }
        }
        var reordered = ImanConover.Reorder(samples, Target);
        for (var c = 0; c < columns.Length; c++)
        {
            for (var r = 0; r < n; r++)
            {
                values[(r * k) + columns[c]] = reordered[c][r];
            }
        }
    }

    private static int ColumnOf(IReadOnlyList<UncertainInput> inputs, string path)
    {
        for (var j = 0; j < inputs.Count; j++)
        {
            if (inputs[j].Path == path)
            {
                return j;
            }
        }
        throw new ArgumentException($"'{path}' is a correlated input but not one of the scenario's uncertain inputs", nameof(inputs));
    }
}
