namespace MarketSim.Grains.Market;

/// <summary>
/// Brokerage order of the week's arrivals: earliest arrival first, ties by the order they were drawn
/// in, which is by zone index and then by the zone's own draw order. Sorting these 16-byte keys
/// instead of the arrivals themselves moves less memory, and sorting through <see cref="IComparable{T}"/>
/// allocates nothing, unlike a comparer.
/// </summary>
/// <param name="AtWeeks">Model time of arrival (weeks).</param>
/// <param name="Index">The arrival's place in the week's draws.</param>
internal readonly record struct ArrivalOrder(double AtWeeks, int Index) : IComparable<ArrivalOrder>
{
    /// <summary>Earlier first; at the same time, the one drawn first.</summary>
    public int CompareTo(ArrivalOrder other)
    {
        var byTime = AtWeeks.CompareTo(other.AtWeeks);
        return byTime != 0 ? byTime : Index.CompareTo(other.Index);
    }
}
