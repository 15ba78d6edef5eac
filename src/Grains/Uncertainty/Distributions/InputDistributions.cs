using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Uncertainty.Distributions;

/// <summary>
/// Builds each kind of uncertain input from parameters the scenario validator has already checked
/// (docs/scenario-format.md, "Uncertain inputs"). CDFs and inverse CDFs are MathNet.Numerics'.
/// </summary>
public static class InputDistributions
{
    /// <summary>The kinds a scenario may name, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["uniform", "triangular", "pert", "normal", "lognormal", "gamma", "beta", "discrete", "empirical"];

    /// <summary>PERT's default λ: the weight of the mode (mean = (min + λ·mode + max) / (λ + 2)).</summary>
    public const double DefaultPertLambda = 4;

    /// <summary>Uniform on [min, max], min &lt; max.</summary>
    public static InputDistribution Uniform(double min, double max) =>
        new ContinuousInput("uniform", [P("min", min), P("max", max)],
            x => ContinuousUniform.CDF(min, max, x), p => ContinuousUniform.InvCDF(min, max, p),
            (min, max), ((min + max) / 2, (max - min) * (max - min) / 12));

    /// <summary>Triangular on [min, max] with its peak at mode, min ≤ mode ≤ max, min &lt; max.</summary>
    public static InputDistribution Triangular(double min, double mode, double max) =>
        new ContinuousInput("triangular", [P("min", min), P("mode", mode), P("max", max)],
            x => MathNet.Numerics.Distributions.Triangular.CDF(min, max, mode, x),
            p => MathNet.Numerics.Distributions.Triangular.InvCDF(min, max, mode, p),
            (min, max),
            ((min + mode + max) / 3, ((min * min) + (mode * mode) + (max * max) - (min * mode) - (min * max) - (mode * max)) / 18));

    /// <summary>PERT on [min, max]: a Beta(1 + λ(mode − min)/(max − min), 1 + λ(max − mode)/(max − min)) scaled to [min, max].</summary>
    public static InputDistribution Pert(double min, double mode, double max, double lambda = DefaultPertLambda)
    {
        var range = max - min;
        var a = 1 + (lambda * (mode - min) / range);
        var b = 1 + (lambda * (max - mode) / range);
        return ScaledBeta("pert", [P("min", min), P("mode", mode), P("max", max), P("lambda", lambda)], a, b, min, max);
    }

    /// <summary>Beta(alpha, beta) on [min, max] (default [0, 1]).</summary>
    public static InputDistribution Beta(double alpha, double beta, double min = 0, double max = 1) =>
        ScaledBeta("beta", [P("alpha", alpha), P("beta", beta), P("min", min), P("max", max)], alpha, beta, min, max);

    /// <summary>Normal(mean, sd), optionally truncated to [min, max].</summary>
    public static InputDistribution Normal(double mean, double sd, double? min = null, double? max = null) =>
        new ContinuousInput("normal", [P("mean", mean), P("sd", sd), .. Bounds(min, max)],
            x => MathNet.Numerics.Distributions.Normal.CDF(mean, sd, x),
            p => MathNet.Numerics.Distributions.Normal.InvCDF(mean, sd, p),
            (double.NegativeInfinity, double.PositiveInfinity), (mean, sd * sd), (min, max));

    /// <summary>
    /// Lognormal with the given mean and sd of the value itself (not of its log): σ² = ln(1 + sd²/mean²),
    /// μ = ln(mean) − σ²/2; optionally truncated to [min, max].
    /// </summary>
    public static InputDistribution LogNormal(double mean, double sd, double? min = null, double? max = null)
    {
        var sigma = Math.Sqrt(Math.Log(1 + (sd * sd / (mean * mean))));
        var mu = Math.Log(mean) - (sigma * sigma / 2);
        return new ContinuousInput("lognormal", [P("mean", mean), P("sd", sd), .. Bounds(min, max)],
            x => x <= 0 ? 0 : MathNet.Numerics.Distributions.LogNormal.CDF(mu, sigma, x),
            p => MathNet.Numerics.Distributions.LogNormal.InvCDF(mu, sigma, p),
            (0, double.PositiveInfinity), (mean, sd * sd), (min, max));
    }

    /// <summary>Gamma with the given shape and scale (mean = shape × scale); optionally truncated to [min, max].</summary>
    public static InputDistribution Gamma(double shape, double scale, double? min = null, double? max = null, IReadOnlyList<InputParameter>? given = null) =>
        new ContinuousInput("gamma", given ?? [P("shape", shape), P("scale", scale), .. Bounds(min, max)],
            x => x <= 0 ? 0 : MathNet.Numerics.Distributions.Gamma.CDF(shape, 1 / scale, x),
            p => MathNet.Numerics.Distributions.Gamma.InvCDF(shape, 1 / scale, p),
            (0, double.PositiveInfinity), (shape * scale, shape * scale * scale), (min, max));

    /// <summary>Listed values with weights ≥ 0 summing to more than 0.</summary>
    public static InputDistribution Discrete(IReadOnlyList<double> values, IReadOnlyList<double> weights) =>
        new DiscreteInput("discrete", [new("values", [.. values]), new("weights", [.. weights])], values, weights);

    /// <summary>A list of observed values, each drawn with probability 1/n.</summary>
    public static InputDistribution Empirical(IReadOnlyList<double> values) =>
        new DiscreteInput("empirical", [new("values", [.. values])], values, [.. values.Select(_ => 1.0)]);

    private static ContinuousInput ScaledBeta(string kind, InputParameter[] parameters, double a, double b, double min, double max) =>
        new(kind, parameters,
            x => MathNet.Numerics.Distributions.Beta.CDF(a, b, x),
            p => MathNet.Numerics.Distributions.Beta.InvCDF(a, b, p),
            (0, 1), (a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1))),
            offset: min, width: max - min);

    private static InputParameter[] Bounds(double? min, double? max) =>
        [.. new[] { ("min", min), ("max", max) }.Where(b => b.Item2 is not null).Select(b => P(b.Item1, b.Item2!.Value))];

    private static InputParameter P(string name, double value) => new(name, [value]);
}
