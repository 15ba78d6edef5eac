using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// One service user of a run, a row of the <see cref="ServiceUserTable"/>: 64 bytes, one cache line, so that
/// admitting, placing and discharging a person touch one line rather than one line in each of a dozen arrays.
/// </summary>
public struct ServiceUser
{
    /// <summary>Care hours a week of the person's package.</summary>
    public double WeeklyHours { get; set; }

    /// <summary>A self-funder's savings when their current charges started (pounds).</summary>
    public double SavingsGbp { get; set; }

    /// <summary>What a self-funder pays a week now (pounds); 0 while waiting.</summary>
    public double WeeklyChargeGbp { get; set; }

    /// <summary>The index of the zone the person lives in.</summary>
    public int ZoneIndex { get; set; }

    /// <summary>The index of the provider delivering the package, or <see cref="ServiceUserTable.None"/> while the person waits.</summary>
    public int ProviderIndex { get; set; }

    /// <summary>Who pays for the package.</summary>
    public FundingStream Funding { get; set; }

    /// <summary>Next person in the provider's caseload when it is a linked <see cref="ServiceUserList"/>, or in the table's free list.</summary>
    public int Next { get; set; }

    /// <summary>Previous person in the provider's caseload when it is a linked <see cref="ServiceUserList"/>; when it is not, the order the person joined it in (0 first).</summary>
    public int Prev { get; set; }

    /// <summary>Next person due to leave in the same week (the departure calendar's chains).</summary>
    public int DepartureNext { get; set; }

    /// <summary>The week a self-funder's current weekly charge started.</summary>
    public int ChargeStartWeek { get; set; }

    /// <summary>Counts the slot's reuses, so that an event filed for an earlier occupant is recognised as stale.</summary>
    public int Generation { get; set; }

    /// <summary>The week a referred person was referred, until their first placement; <see cref="ServiceUserTable.None"/> after it and for the starting caseload.</summary>
    public int ReferredWeek { get; set; }

    /// <summary>Where a waiting person stands in the market's <see cref="WaitingList"/>.</summary>
    public int WaitingPosition { get; set; }
}
