namespace MarketSim.Simulator.Scenarios;

/// <summary>What a numeric field allows: the range an uncertain input's support must lie in.</summary>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Allowed">The range in words, for messages.</param>
/// <param name="ExclusiveMin">Whether <paramref name="Min"/> itself is not allowed.</param>
/// <param name="Whole">Whether the field takes whole numbers.</param>
internal sealed record FieldRange(double Min, double Max, string Allowed, bool ExclusiveMin, bool Whole);
