namespace MarketSim.Grains.Uncertainty.Distributions;

/// <summary>One parameter of an uncertain input as the scenario gives it (a list for discrete values and weights).</summary>
/// <param name="Name">The YAML key (min, mode, sd, values, …).</param>
/// <param name="Values">Its value, or values for a list.</param>
public sealed record InputParameter(string Name, double[] Values);
