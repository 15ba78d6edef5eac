namespace MarketSim.Silo.Runs;

/// <summary>
/// Decides, run by run in run order, when an experiment has run enough (for example when a
/// confidence interval is narrow enough). Because it sees runs in order, where it stops does not
/// depend on thread count or batch size.
/// </summary>
public interface IStopRule
{
    /// <summary>Whether the rule is satisfied by the runs seen so far.</summary>
    bool IsSatisfied { get; }

    /// <summary>
    /// Looks at runs <paramref name="firstRun"/> .. firstRun + count − 1 in order and returns how many
    /// of them to keep: all of them, or fewer when the rule is satisfied part-way (the rest are dropped).
    /// </summary>
    int RunsToKeep(long firstRun, int count, ReadOnlySpan<double> outcomes);
}
