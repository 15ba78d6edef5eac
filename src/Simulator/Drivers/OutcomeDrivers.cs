using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Simulator.Drivers;

/// <summary>What drives one headline outcome: its rank-based sensitivity to every uncertain input.</summary>
/// <param name="Outcome">The outcome's column.</param>
/// <param name="Result">Spearman, SRRC, R² on ranks and contribution to variance of each input.</param>
public sealed record OutcomeDrivers(OutcomeColumn Outcome, RankSensitivityResult Result);
