using MarketSim.Grains.Randomness;
using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Scenario;

/// <summary>The families a scenario may use for package hours and package lengths.</summary>
public enum DistributionKind
{
    /// <summary>Always the mean.</summary>
    Fixed,

    /// <summary>Exponential with the given mean (memoryless package lengths: the M/M/∞ case).</summary>
    Exponential,

    /// <summary>Gamma with the given mean and standard deviation.</summary>
    Gamma,

    /// <summary>Log-normal with the given mean and standard deviation (of the variable, not its log).</summary>
    LogNormal,
}

/// <summary>
/// A positive distribution stated by its mean and standard deviation, sampled with the engine's samplers
/// (<see cref="ZigguratExponential"/>, <see cref="MarsagliaTsangGamma"/>, and e^(μ + σZ) with Z from
/// <see cref="ZigguratNormal"/>), or with MathNet.Numerics' when the stream asks for the reference
/// (<see cref="SamplerFamily.MathNet"/>). Also samples the equilibrium residual (the time left of a
/// package already under way), which is what a starting caseload in steady state has left.
/// </summary>
public sealed record Distribution
{
    private readonly double _shape;
    private readonly double _rate;
    private readonly double _mu;
    private readonly double _sigma;
    private readonly MarsagliaTsangGamma _gamma;
    private readonly MarsagliaTsangGamma _lengthBiasedGamma;

    /// <summary>Creates a distribution; <paramref name="sd"/> is ignored for Fixed and Exponential.</summary>
    public Distribution(DistributionKind kind, double mean, double sd = 0)
    {
        if (!(mean > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be positive.");
        }
        Kind = kind;
        Mean = mean;
        Sd = kind switch
        {
            DistributionKind.Fixed => 0,
            DistributionKind.Exponential => mean,
            _ when sd > 0 => sd,
            _ => throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be positive."),
        };
        var cv2 = Sd * Sd / (mean * mean);
        _shape = 1 / Math.Max(cv2, double.Epsilon);
        _rate = _shape / mean;
        _sigma = Math.Sqrt(Math.Log(1 + cv2));
        _mu = Math.Log(mean) - (_sigma * _sigma / 2);
        if (kind == DistributionKind.Gamma)
        {
            _gamma = new MarsagliaTsangGamma(_shape, _rate);
            _lengthBiasedGamma = new MarsagliaTsangGamma(_shape + 1, _rate);
        }
    }

    /// <summary>The family.</summary>
    public DistributionKind Kind { get; }

    /// <summary>The mean, in the unit of the field that holds it.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation, in the same unit.</summary>
    public double Sd { get; }

    /// <summary>One draw.</summary>
    public double Sample(StreamRandom random)
    {
        if (random.Samplers == SamplerFamily.MathNet)
        {
            return SampleMathNet(random);
        }
        ref var state = ref random.State;
        return Kind switch
        {
            DistributionKind.Fixed => Mean,
            DistributionKind.Exponential => Mean * ZigguratExponential.Sample(ref state),
            DistributionKind.Gamma => _gamma.Sample(ref state),
            _ => Math.Exp(_mu + (_sigma * ZigguratNormal.Sample(ref state))),
        };
    }

    /// <summary>
    /// One draw of the remaining length of an item observed at a random time in steady state:
    /// a uniform fraction of a length-biased draw (for the exponential this is the distribution itself).
    /// </summary>
    public double SampleResidual(StreamRandom random)
    {
        if (random.Samplers == SamplerFamily.MathNet)
        {
            return SampleResidualMathNet(random);
        }
        ref var state = ref random.State;
        return Kind switch
        {
            DistributionKind.Fixed => state.NextDouble() * Mean,
            DistributionKind.Exponential => Mean * ZigguratExponential.Sample(ref state),
            DistributionKind.Gamma => state.NextDouble() * _lengthBiasedGamma.Sample(ref state),
            _ => state.NextDouble() * Math.Exp(_mu + (_sigma * _sigma) + (_sigma * ZigguratNormal.Sample(ref state))),
        };
    }

    /// <summary>P(X ≤ <paramref name="x"/>), from MathNet.Numerics: what the engine's samplers are tested against and package-hour tables are built from.</summary>
    public double Cdf(double x) => Kind switch
    {
        DistributionKind.Fixed => x >= Mean ? 1 : 0,
        DistributionKind.Exponential => Exponential.CDF(1 / Mean, x),
        DistributionKind.Gamma => Gamma.CDF(_shape, _rate, x),
        _ => LogNormal.CDF(_mu, _sigma, x),
    };

    /// <summary>The x with P(X ≤ x) = <paramref name="p"/> (0 &lt; p &lt; 1), from MathNet.Numerics: package hours in the far tail are drawn by it.</summary>
    public double InverseCdf(double p) => Kind switch
    {
        DistributionKind.Fixed => Mean,
        DistributionKind.Exponential => Exponential.InvCDF(1 / Mean, p),
        DistributionKind.Gamma => Gamma.InvCDF(_shape, _rate, p),
        _ => LogNormal.InvCDF(_mu, _sigma, p),
    };

    private double SampleMathNet(Random random) => Kind switch
    {
        DistributionKind.Fixed => Mean,
        DistributionKind.Exponential => Exponential.Sample(random, 1 / Mean),
        DistributionKind.Gamma => Gamma.Sample(random, _shape, _rate),
        _ => LogNormal.Sample(random, _mu, _sigma),
    };

    private double SampleResidualMathNet(Random random) => Kind switch
    {
        DistributionKind.Fixed => random.NextDouble() * Mean,
        DistributionKind.Exponential => Exponential.Sample(random, 1 / Mean),
        DistributionKind.Gamma => random.NextDouble() * Gamma.Sample(random, _shape + 1, _rate),
        _ => random.NextDouble() * LogNormal.Sample(random, _mu + (_sigma * _sigma), _sigma),
    };
}
