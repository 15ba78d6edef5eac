namespace MarketSim.Grains.Scenario;

/// <summary>
/// A zone's demand: the caseload at the start, Poisson referrals a week growing geometrically with a
/// winter peak, the hours and lengths of packages, and who funds them.
/// </summary>
/// <param name="StartingCaseload">People with a package at week 0 (people).</param>
/// <param name="WeeklyReferrals">Mean new packages a week at the start (people a week), Poisson.</param>
/// <param name="AnnualGrowth">Geometric growth of the referral rate a year (0.02 = 2% a year).</param>
/// <param name="WinterAmplitude">Seasonal swing of referrals: rate × (1 + a·cos(2π(w − peak)/52)).</param>
/// <param name="WinterPeakWeekOfYear">Calendar week (0-51) of the winter peak.</param>
/// <param name="WeeklyHours">Care hours a week of one package (hours a week).</param>
/// <param name="PackageLengthWeeks">How long a package lasts (weeks).</param>
/// <param name="FundingShares">Share of packages by <see cref="FundingStream"/>, summing to 1.</param>
public sealed record DemandSpec(
    int StartingCaseload,
    double WeeklyReferrals,
    double AnnualGrowth,
    double WinterAmplitude,
    int WinterPeakWeekOfYear,
    Distribution WeeklyHours,
    Distribution PackageLengthWeeks,
    double[] FundingShares);
