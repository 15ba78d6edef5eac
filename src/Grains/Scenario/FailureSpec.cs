namespace MarketSim.Grains.Scenario;

/// <summary>How a provider can leave the market or be closed to new work.</summary>
/// <param name="ReservesGbp">Reserves at week 0 (pounds); it fails when they run out. Infinite when not set.</param>
/// <param name="HazardPerYear">Exogenous failure hazard h a year: P(fail within T years) = 1 − e^(−hT).</param>
/// <param name="HandBackAfterWeeksBelowCost">Hands back its contracts once its weekly result has been negative (income below costs) this many weeks in a row; 0 never.</param>
/// <param name="NoticeWeeks">Weeks between failure or hand-back and its packages returning to the zones.</param>
/// <param name="EmbargoHazardPerYear">Hazard a year of a quality embargo (no new packages).</param>
/// <param name="EmbargoWeeks">How long an embargo lasts (weeks).</param>
public sealed record FailureSpec(
    double ReservesGbp,
    double HazardPerYear,
    int HandBackAfterWeeksBelowCost,
    int NoticeWeeks,
    double EmbargoHazardPerYear,
    int EmbargoWeeks)
{
    /// <summary>No failure, hand-back or embargo: reserves unlimited, no hazards.</summary>
    public static readonly FailureSpec None = new(double.PositiveInfinity, 0, 0, 0, 0, 0);
}
