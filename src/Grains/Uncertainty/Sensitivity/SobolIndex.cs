namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>The Sobol indices of one input, with bootstrap intervals (see <see cref="SobolIndices"/>).</summary>
/// <param name="Name">The input's name.</param>
/// <param name="FirstOrder">S_i: the share of the outcome's variance due to this input alone.</param>
/// <param name="FirstOrderInterval">Percentile bootstrap interval of S_i.</param>
/// <param name="Total">S_Ti: the share due to this input including all its interactions.</param>
/// <param name="TotalInterval">Percentile bootstrap interval of S_Ti.</param>
public sealed record SobolIndex(
    string Name,
    double FirstOrder,
    ConfidenceInterval FirstOrderInterval,
    double Total,
    ConfidenceInterval TotalInterval);
