namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>First-order and total Sobol indices of one outcome for every input of a <see cref="SaltelliDesign"/>.</summary>
/// <param name="Inputs">One entry per input, in the design's column order.</param>
/// <param name="OutcomeVariance">The outcome's variance over the 2N runs of A and B (divisor 2N).</param>
/// <param name="BaseSize">The design's base size N.</param>
public sealed record SobolResult(IReadOnlyList<SobolIndex> Inputs, double OutcomeVariance, int BaseSize);
