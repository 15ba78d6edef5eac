namespace MarketSim.Grains.Uncertainty.Correlation;

/// <summary>
/// One requested rank (Spearman) correlation between two named uncertain inputs, as a scenario's
/// <c>correlations:</c> section lists it.
/// </summary>
/// <param name="First">The name of one input.</param>
/// <param name="Second">The name of the other input.</param>
/// <param name="Rho">The target rank correlation, in [−1, 1].</param>
public readonly record struct RankCorrelationPair(string First, string Second, double Rho);
