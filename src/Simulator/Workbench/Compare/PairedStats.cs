using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Workbench.Compare;

/// <summary>
/// An outcome's paired difference OTHER − BASE over the runs both experiments hold (run k with run k,
/// which used the same random numbers); runs where either value is empty are left out. The numbers
/// are NaN when no run could be paired.
/// </summary>
/// <param name="Pairs">Runs paired.</param>
/// <param name="MeanDifference">Mean of OTHER − BASE over the pairs.</param>
/// <param name="StandardError">Its standard error, sd/√n of the run-by-run differences.</param>
/// <param name="HalfWidth95">Half-width of its 95% interval, 1.96 × the standard error.</param>
public sealed record PairedStats(long Pairs, double MeanDifference, double StandardError, double HalfWidth95)
{
    /// <summary>The pairs in which OTHER is strictly worse, with its 95% Wilson interval; null when neither direction is worse (<see cref="Comparison.WorseWhen.Neither"/>) or nothing was paired.</summary>
    public Proportion? Worse { get; init; }

    /// <summary>Share of the pairs in which OTHER is strictly worse; NaN when <see cref="Worse"/> is null.</summary>
    public double ProbabilityWorse => Worse?.P ?? double.NaN;

    /// <summary>Runs among the first min(runs) left out because the outcome is empty in either experiment.</summary>
    public long LeftOut { get; init; }

    /// <summary>
    /// Runs with no counterpart because the two experiments hold different numbers of runs: the longer
    /// one's runs past the shorter one's count, left out of the pairs (0 when the counts are equal).
    /// </summary>
    public long Unmatched { get; init; }

    /// <summary>Whether the pairs are fewer than either experiment's runs, so the base and other means over the pairs differ from their means over all their runs.</summary>
    public bool LeavesRunsOut => LeftOut > 0 || Unmatched > 0;

    /// <summary>The base's mean over the pairs, as <c>marketsim compare</c> gives it: the difference is from this, not from the base's mean over all its runs, when runs were left out (<see cref="LeavesRunsOut"/>).</summary>
    public double BaseMean { get; init; } = double.NaN;

    /// <summary>The other experiment's mean over the pairs (<c>marketsim compare</c>'s "Other mean").</summary>
    public double OtherMean { get; init; } = double.NaN;
}
