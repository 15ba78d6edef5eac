namespace MarketSim.Grains.Randomness;

/// <summary>
/// One named random stream of a run, backed by <see cref="Xoshiro256StarStar"/> and exposed as a
/// <see cref="Random"/> so that MathNet.Numerics samplers can draw from it. Reseed it between runs
/// instead of allocating a new one.
/// </summary>
public sealed class StreamRandom : Random
{
    private Xoshiro256StarStar _state;

    /// <summary>Creates a stream with the given 64-bit seed.</summary>
    public StreamRandom(ulong seed)
        : base(0) => _state = new Xoshiro256StarStar(seed);

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
