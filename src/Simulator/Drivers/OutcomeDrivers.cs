using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Simulator.Drivers;

/// <summary>What drives one headline outcome: its rank-based sensitivity to every uncertain input.</summary>
/// <param name="Outcome">The outcome's column.</param>
/// <param name="Result">Spearman, SRRC, R² on ranks and contribution to variance of each input.</param>
/// <param name="Inputs">The uncertain inputs the result names, for their labels (<see cref="Reports.InputLabels"/>).</param>
public sealed record OutcomeDrivers(OutcomeColumn Outcome, RankSensitivityResult Result, IReadOnlyList<UncertainInput> Inputs)
{
    /// <summary>The words for the input named <paramref name="name"/> in <paramref name="scenario"/>.</summary>
    public string InputLabel(string name, MarketScenario? scenario) => Reports.InputLabels.Of(name, Inputs, scenario);
}
