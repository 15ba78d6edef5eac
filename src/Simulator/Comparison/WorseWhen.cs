namespace MarketSim.Simulator.Comparison;

/// <summary>Which way an outcome moves when a scenario does worse, so a comparison can say how often the other scenario is worse.</summary>
public enum WorseWhen
{
    /// <summary>More is worse: unmet hours, spend, overspend, liability, cost, exits.</summary>
    Higher,

    /// <summary>Less is worse: the week of the first failure, the capacity or workforce left at the end.</summary>
    Lower,

    /// <summary>Neither way is plainly worse (caseload, paid hours): no P(worse) is given.</summary>
    Neither,
}
