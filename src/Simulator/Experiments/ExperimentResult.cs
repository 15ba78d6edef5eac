using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Experiments;

/// <summary>What an experiment produced: the scenario it ran, the summary, and how long it took.</summary>
/// <param name="Scenario">The validated scenario.</param>
/// <param name="Summary">Moments and quantiles of every outcome.</param>
/// <param name="RiskShare">The risk-share comparison (empty without pooled budgets).</param>
/// <param name="Elapsed">Wall-clock time of the runs.</param>
/// <param name="OutDir">The committed results folder.</param>
/// <param name="StopReason">Why a precision-targeted or interrupted run stopped; null for a fixed number of runs.</param>
/// <param name="Interrupted">Whether a stop request ended the runs early; the folder then holds the first runs, in run order.</param>
public sealed record ExperimentResult(MarketScenario Scenario, OutcomeSummary Summary, RiskShareComparison RiskShare, TimeSpan Elapsed, string OutDir, string? StopReason = null, bool Interrupted = false) : IDisposable
{
    /// <summary>Each provider's, zone's, service-user group's, commissioner's and pooled budget's outcomes, from the entity grains.</summary>
    public IReadOnlyList<EntitySummary> Entities { get; init; } = [];

    /// <summary>What drives each headline outcome, when the scenario has uncertain inputs; empty otherwise.</summary>
    public IReadOnlyList<OutcomeDrivers> Drivers { get; init; } = [];

    /// <summary>What was left of replaced old results that could not all be deleted, to print as a warning; null when nothing was.</summary>
    public string? FolderWarning { get; init; }

    /// <summary>Releases the summaries' temporary files.</summary>
    public void Dispose()
    {
        Summary.Dispose();
        RiskShare.Dispose();
    }
}
