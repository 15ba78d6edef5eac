using MarketSim.Silo.Runs;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Comparison;

/// <summary>Pairs each run of an other scenario, as it arrives in run order, with the same run of the base.</summary>
internal sealed class PairingSink(RunColumns baseOutcomes, IReadOnlyList<PairedDifference> differences, int stride) : IOutcomeSink
{
    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            foreach (var d in differences)
            {
                d.Add(baseOutcomes.Value(d.Outcome.BaseColumn, firstRun + r), outcomes[(r * stride) + d.Outcome.OtherColumn]);
            }
        }
    }
}
