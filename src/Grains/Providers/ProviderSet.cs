using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Providers;

/// <summary>
/// Providers that brokerage compares by spare hours (a zone's framework or spot providers, or those serving
/// every zone), by index into <see cref="OpenSpareHours"/>: scanned as one block when the indexes are
/// consecutive (<see cref="MostSpareScan"/>), one by one without branches otherwise. Ties go to the first.
/// </summary>
public readonly struct ProviderSet
{
    private readonly int[] _indexes;
    private readonly int _first;

    /// <summary>The providers <paramref name="indexes"/>, in the order ties are broken.</summary>
    public ProviderSet(int[] indexes)
    {
        _indexes = indexes;
        _first = MostSpareScan.FirstOfRun(indexes);
    }

    /// <summary>The index of the provider with most spare hours in <paramref name="spare"/> (the first of equals); −1 when the set is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOfMost(double[] spare)
    {
        if (_first >= 0)
        {
            return _first + MostSpareScan.IndexOfMost(spare.AsSpan(_first, _indexes.Length));
        }
        var best = -1;
        var bestSpare = double.NegativeInfinity;
        foreach (var p in _indexes)
        {
            var s = spare[p];
            var more = -(s > bestSpare ? 1 : 0);
            best ^= (best ^ p) & more;
            bestSpare = double.MaxNative(bestSpare, s);
        }
        return _indexes.Length > 0 && best < 0 ? _indexes[0] : best;
    }

    /// <summary>The most spare hours in <paramref name="spare"/> of the providers in the set; −∞ when it is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Most(double[] spare)
    {
        if (_first >= 0)
        {
            return MostSpareScan.Most(spare.AsSpan(_first, _indexes.Length));
        }
        var most = double.NegativeInfinity;
        foreach (var p in _indexes)
        {
            most = double.MaxNative(most, spare[p]);
        }
        return most;
    }
}
