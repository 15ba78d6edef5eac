namespace MarketSim.Grains.Randomness;

/// <summary>
/// Which samplers a <see cref="StreamRandom"/> draws its non-uniform variates with. The model uses
/// <see cref="Fast"/>; <see cref="MathNet"/> keeps the reference path callable, so that tests can show
/// the model's outcomes are the same in distribution under both.
/// </summary>
public enum SamplerFamily
{
    /// <summary>The engine's own: ziggurat normal and exponential, Marsaglia–Tsang gamma, inversion or PTRS Poisson.</summary>
    Fast,

    /// <summary>MathNet.Numerics' samplers, as the model used before: the reference.</summary>
    MathNet,
}
