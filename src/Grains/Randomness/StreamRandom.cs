namespace MarketSim.Grains.Randomness;

/// <summary>
/// One named random stream of a run, backed by <see cref="Xoshiro256StarStar"/> and exposed as a
/// <see cref="Random"/> so that MathNet.Numerics samplers can draw from it. It carries the
/// <see cref="SamplerFamily"/> the model's draws from it use. Reseed it between runs instead of allocating a new one.
/// </summary>
public sealed class StreamRandom : Random
{
    private Xoshiro256StarStar _state;

    /// <summary>Creates a stream with the given 64-bit seed, drawing with <paramref name="samplers"/>.</summary>
    public StreamRandom(ulong seed, SamplerFamily samplers = SamplerFamily.Fast)
        : base(0)
    {
        _state = new Xoshiro256StarStar(seed);
        Samplers = samplers;
    }

    /// <summary>The samplers the model's non-uniform draws from this stream use.</summary>
    public SamplerFamily Samplers { get; }

    /// <summary>The generator itself, for the engine's samplers to draw from without the virtual <see cref="Random"/> calls.</summary>
    internal ref Xoshiro256StarStar State => ref _state;

    /// <summary>One Poisson draw with mean <paramref name="mean"/> (≥ 0), with this stream's <see cref="Samplers"/>.</summary>
    public int Poisson(double mean) => Samplers == SamplerFamily.MathNet
        ? MathNet.Numerics.Distributions.Poisson.Sample(this, mean)
        : PoissonSampler.Sample(ref _state, mean);

    /// <summary>One Poisson draw with mean <paramref name="mean"/>.Mean, its constants worked out beforehand.</summary>
    public int Poisson(in PoissonMean mean) => Samplers == SamplerFamily.MathNet
        ? MathNet.Numerics.Distributions.Poisson.Sample(this, mean.Mean)
        : PoissonSampler.Sample(ref _state, mean);

    /// <summary>Restarts the stream from a new seed.</summary>
    public void Reseed(ulong seed) => _state.Reseed(seed);

    /// <inheritdoc />
    public override double NextDouble() => _state.NextDouble();

    /// <inheritdoc />
    protected override double Sample() => _state.NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(_state.NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(_state.NextDouble() * maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(_state.NextDouble() * ((long)maxValue - minValue));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(_state.NextUInt64() >> 1);

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(_state.NextUInt64() >> 56);
        }
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());
}
